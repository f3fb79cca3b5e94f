# attribute lookups on plain instances under every change: instance attributes shadowing methods,
# class attributes added and removed later, descriptors added after instances exist, __dict__ and __class__
class Box:
    size = 1
    def method(self):
        return "method"

b = Box()
print(b.size, b.method())
b.method = lambda: "instance attribute wins"
print(b.method(), Box.method(b))
del b.method
print(b.method())
b.size = 5
print(b.size, Box.size)
Box.size = property(lambda self: "property now")
print(b.size)
del Box.size
print(b.size)
b.__dict__["color"] = "red"
print(b.color, vars(b))
class Other:
    def method(self):
        return "other method"
b.__class__ = Other
print(b.method(), type(b).__name__, b.color)
b.__class__ = Box
Box.extra = "added later"
print(b.extra)
def later(self):
    return "function added later"
Box.later = later
print(b.later())
class Described:
    def __get__(self, obj, owner):
        return "non-data descriptor"
Box.d = Described()
print(b.d)
b.d = "instance wins over non-data"
print(b.d)
class DataDesc:
    def __get__(self, obj, owner):
        return "data descriptor"
    def __set__(self, obj, value):
        print("  __set__", value)
Box.dd = DataDesc()
b.dd = 42
print(b.dd, "dd" in vars(b))
try:
    b.missing
except AttributeError as e:
    print("AttributeError:", e)
