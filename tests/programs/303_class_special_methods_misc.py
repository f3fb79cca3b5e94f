# less common special methods: __index__, __contains__ fallback, __bool__ in conditions, __length_hint__-free len, __missing__
class Bits:
    def __init__(self, value):
        self.value = value
    def __index__(self):
        return self.value

b = Bits(5)
print(bin(b), hex(b), oct(b), [10, 20, 30, 40, 50, 60][b], "abcdefg"[Bits(1):Bits(3)], range(b)[-1])

class DefaultDict(dict):
    def __missing__(self, key):
        value = self[key] = key.upper()
        return value
d = DefaultDict(a="x")
print(d["a"], d["b"], d, d.get("c"), "c" in d)

class Evens:
    def __iter__(self):
        return iter(range(0, 10, 2))
print(4 in Evens(), 5 in Evens())

class Reversible:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
print(list(reversed(Reversible("abc"))), len(Reversible([1, 2])))

class Hexable:
    def __format__(self, spec):
        return "formatted:" + spec
print(f"{Hexable():>5}", format(Hexable(), "x"))
try:
    [1, 2][Bits("no")]
except TypeError as e:
    print("TypeError:", e)
