# __dict__, __class__, vars(), __slots__ restrictions and class attributes vs instance attributes
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.__dict__, vars(p), p.__class__ is Point, type(p).dims)
p.z = 3
print(sorted(p.__dict__))
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
print("x" in Point.__dict__, "dims" in Point.__dict__, Point.__name__, Point.__qualname__, Point.__module__)

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1

s = Slotted()
print(s.a, hasattr(s, "b"), hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(s.b)
except AttributeError as e:
    print("AttributeError:", e)
s.b = 2
print(s.a + s.b, Slotted.__slots__)

class Child(Slotted):
    pass
c = Child()
c.anything = 5
print(c.anything, c.__dict__)

class Counter:
    total = 0
    def bump(self):
        self.total += 1
c1, c2 = Counter(), Counter()
c1.bump(); c1.bump(); c2.bump()
print(c1.total, c2.total, Counter.total)
