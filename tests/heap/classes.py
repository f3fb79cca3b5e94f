# A class and two instances: attribute names, the class's methods.
class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

a = Point(1, 2)
b = Point(3, 4)
c = a
print(a.norm2() + b.norm2(), c is a)
