class D:
    def __del__(self):
        print("del", id(self) > 0)
d = D()
del d
print("after")
class Point:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"P({self.x})"
    def __format__(self, spec): return f"<{self.x:{spec}}>"
print(f"{Point(3):>4}", repr(Point(1)))
