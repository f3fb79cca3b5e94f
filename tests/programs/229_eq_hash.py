# __eq__ and __hash__: defining __eq__ removes the hash; equal objects in sets and dict keys
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"

s = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(s), Point(1, 2) in s, {Point(0, 0): "origin"}[Point(0, 0)])

class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)

class Identity:
    pass
i = Identity()
print(hash(i) == hash(i), i == i, i == Identity(), {i: 1}[i])

class Frozen:
    __hash__ = None
try:
    hash(Frozen())
except TypeError as e:
    print("TypeError:", e)

class Child(Point):
    def __eq__(self, other):
        return super().__eq__(other)
try:
    hash(Child(1, 2))
except TypeError as e:
    print("TypeError:", e)
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, "a")) == hash((1, "a")))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
