# A class body runs once, as its own code object; instances get a __dict__.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(1, 2)
q = p.moved(3, 4)
print(p, q)
