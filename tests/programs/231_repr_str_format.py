# __repr__, __str__ and __format__: print, f-strings with !r/!s and format specs, containers use repr
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __format__(self, spec):
        if spec == "polar":
            return f"r={(self.x ** 2 + self.y ** 2) ** 0.5:.2f}"
        if spec:
            return f"<{self.x:{spec}}, {self.y:{spec}}>"
        return str(self)

v = Vec(3, 4)
print(v, repr(v), str(v), [v], (v,), {"v": v})
print(f"{v}", f"{v!r}", f"{v!s}", f"{v:polar}", f"{v:06.2f}", format(v, ".1f"), "{0:polar}".format(v))
print("%s and %r" % (v, v))

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")

class Default:
    pass
d = Default()
print(repr(d).startswith("<__main__.Default object at 0x"), format(d, "") == repr(d))
try:
    format(d, "x")
except TypeError as e:
    print("TypeError:", e)

class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
print(format(3.14159, ".2f"), format(255, "#x"), format("hi", "^6"), format(1234567, ","))
