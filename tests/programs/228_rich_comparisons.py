# rich comparisons: reflection, NotImplemented, functools.total_ordering, sorting user objects
import functools

@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version(v) for v in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), max(vs), min(vs))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == Version("1.2"), a != b)
print(a == "1.2", a != "1.2")
try:
    a < "1.3"
except TypeError as e:
    print("TypeError:", e)

class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        print(f"  Loud({self.n}).__lt__({other.n})")
        return self.n < other.n
    def __gt__(self, other):
        print(f"  Loud({self.n}).__gt__({other.n})")
        return self.n > other.n
print(Loud(1) > Loud(2))
print(Loud(3) < Loud(4))
print(1 < Loud(5) if False else "skip")

class AlwaysEqual:
    def __eq__(self, other):
        return True
print(AlwaysEqual() == 5, 5 == AlwaysEqual(), AlwaysEqual() != 5, [AlwaysEqual()].count(3))
print(object() == object(), None == None, 1 == 1.0 == True)
