class P(tuple):
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
p = P(1, 2)
print(p, type(p).__name__, p[0], isinstance(p, tuple))
class D(dict):
    def __missing__(self, key):
        self[key] = v = []
        return v
d = D()
d["a"].append(1)
print(d, type(d).__name__)
class Celsius(float):
    def __new__(cls, v):
        return super().__new__(cls, v * 1.0)
    def __repr__(self):
        return f"{float(self)}C"
print(Celsius(21), Celsius(3) + 1, int.__new__(int, "7"), tuple.__new__(tuple, "ab"))
class Stack(list):
    def __init__(self, *items):
        super().__init__(items)
        self.pushes = len(items)
    def push(self, x):
        self.append(x)
        self.pushes += 1
s = Stack(1, 2)
s.push(3)
print(s, s.pushes, len(s), type(s).__name__, s.__dict__)
class Tags(set):
    pass
t = Tags("aab")
t.label = "x"
print(sorted(t), t.label)
class Cfg(dict):
    pass
c = Cfg(a=1)
c.source = "file"
print(c, c.source, c["a"])
class OnlyGet:
    def __set__(self, obj, v): obj.__dict__["w"] = v * 10
class H:
    w = OnlyGet()
h = H(); h.w = 2
print(h.w)
