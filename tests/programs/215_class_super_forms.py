# super(): zero-argument form, explicit two-argument form, in classmethods and __init__ chains
class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def describe(self):
        return f"{self.name}"
    @classmethod
    def create(cls, *args):
        print("creating", cls.__name__)
        return cls(*args)

class Rectangle(Shape):
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w, self.h = w, h
    def describe(self):
        return super().describe() + f" {self.w}x{self.h}"
    @classmethod
    def create(cls, *args):
        obj = super().create(*args)
        print("created by Rectangle.create")
        return obj

class Square(Rectangle):
    def __init__(self, side):
        super(Square, self).__init__(side, side)
        self.name = "square"
    def describe(self):
        return "a " + super(Rectangle, self).describe() + " / " + super().describe()

s = Square.create(3)
print(s.describe(), Shape.count)
r = Rectangle(2, 5)
print(r.describe(), Shape.count)
print(super(Square, s).describe())
sup = super(Square, s)
print(type(sup).__name__, isinstance(s, Shape))

def outside():
    return super().describe()
try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)
