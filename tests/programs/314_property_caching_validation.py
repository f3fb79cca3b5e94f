# properties for validation and computed values, with a cached property done by hand and invalidation
class Rectangle:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self._area = None

    @property
    def w(self):
        return self._w

    @w.setter
    def w(self, value):
        if value <= 0:
            raise ValueError(f"width must be positive, got {value}")
        self._w = value
        self._area = None

    @property
    def h(self):
        return self._h

    @h.setter
    def h(self, value):
        if value <= 0:
            raise ValueError(f"height must be positive, got {value}")
        self._h = value
        self._area = None

    @property
    def area(self):
        if self._area is None:
            print("  (computing area)")
            self._area = self._w * self._h
        return self._area

r = Rectangle(3, 4)
print(r.area, r.area)
r.w = 5
print(r.area)
for bad in [(0, 1), (1, -2)]:
    try:
        Rectangle(*bad)
    except ValueError as e:
        print("ValueError:", e)
print(sorted(k for k in vars(r)), type(Rectangle.area).__name__)
