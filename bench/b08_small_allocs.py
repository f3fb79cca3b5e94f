# Many small allocations: tuples, lists and objects made and dropped.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def moved(self, dx):
        return Point(self.x + dx, self.y)
p = Point(0, 0)
keep = []
for i in range(600000):
    p = p.moved(1)
    t = (i, i + 1, [i])
    if i % 1000 == 0:
        keep.append(t)
print(p.x, len(keep), keep[-1])
