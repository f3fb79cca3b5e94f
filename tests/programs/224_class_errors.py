# errors with classes: missing attributes, wrong call arguments, abstract methods, bad bases
class P:
    def __init__(self, x):
        self.x = x
    def m(self, a):
        return a

p = P(1)
tests = [
    lambda: p.y,
    lambda: P(),
    lambda: P(1, 2),
    lambda: p.m(),
    lambda: p.m(1, 2),
    lambda: P.m(1),
    lambda: p.x(),
    lambda: P.nothing,
    lambda: setattr(p, 5, 1),
    lambda: getattr(p, "missing"),
    lambda: delattr(p, "nope"),
    lambda: type("T", (1,), {}),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(getattr(p, "missing", "default"), hasattr(p, "x"))
try:
    class Bad(1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class FromBool(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
T = type("T", (P,), {"extra": 42})
print(T.__name__, T(5).x, T.extra, T.__mro__[1] is P)
