# match: class patterns, __match_args__, keyword patterns, built-in types
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r

class Rect:
    def __init__(self, corner, w, h):
        self.corner, self.w, self.h = corner, w, h

def area(shape):
    match shape:
        case Circle(Point(x, y), r) if r <= 0:
            return f"degenerate circle at {x},{y}"
        case Circle(_, r):
            return round(3.14159 * r * r, 2)
        case Rect(w=w, h=h):
            return w * h
        case Point():
            return 0
        case _:
            raise TypeError(f"not a shape: {shape!r}")

print(area(Circle(Point(0, 0), 0)))
print(area(Circle(Point(1, 1), 2)))
print(area(Rect(Point(0, 0), 3, 4)))
print(area(Point(5, 5)))
try:
    area("square")
except TypeError as e:
    print("TypeError:", e)

# built-in types match the subject itself with one positional pattern
for v in [42, 3.5, "text", [1, 2], (1,), {"k": 1}, {1, 2}, frozenset(), b"b", True]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case list(l) | tuple(l):
            print("list or tuple", l)
        case dict(d):
            print("dict", d)
        case set(s) | frozenset(s):
            print("set", sorted(s))
        case bytes(b):
            print("bytes", b)

# subclasses inherit __match_args__ and the self-matching
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
class Age(int):
    pass
for obj in [Point3(1, 2, 3), Point(4, 5), Age(30)]:
    match obj:
        case Point3(x, y, z):
            print("3d", x, y, z)
        case Point(x, y):
            print("2d", x, y)
        case Age(years):
            print("age", years, type(years).__name__)

# a missing attribute is a failed match, not an error
class Empty:
    pass
match Empty():
    case Empty(name=n):
        print("has name", n)
    case Empty():
        print("no name attribute")
