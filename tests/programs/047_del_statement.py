a = [1, 2, 3, 4]
del a[0]
print(a)
d = {"x": 1, "y": 2}
del d["x"]
print(d)
v = 10
del v
try:
    print(v)
except NameError as e:
    print(e)
class C: pass
c = C(); c.attr = 1
del c.attr
print(hasattr(c, "attr"))
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
def f():
    y = 1
    del y
    return y
try:
    f()
except UnboundLocalError as e:
    print(e)
