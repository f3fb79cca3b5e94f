import math
class Shape:
    def area(self):
        raise NotImplementedError
class Circle(Shape):
    def __init__(self, r): self.r = r
    def area(self): return math.pi * self.r ** 2
class Rect(Shape):
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
shapes = [Circle(1), Rect(2, 3), Circle(0.5)]
total = 0.0
for s in shapes:
    a = s.area()
    total += a
    print(f"{type(s).__name__:<7}{a:>10.4f}")
print(f"total {total:.4f}")
try:
    Shape().area()
except NotImplementedError:
    print("abstract")
