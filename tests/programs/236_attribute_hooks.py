# __getattr__ (only for missing names), __getattribute__ (every access), __setattr__ and __delattr__
class Defaults:
    color = "red"
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return f"<default {name}>"

d = Defaults()
d.size = 3
print(d.size, d.color, d.anything, getattr(d, "other"), hasattr(d, "_hidden"))

class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)

l = Logged()
l.a = 1
l.b = [2]
del l.a
print(l.log, hasattr(l, "a"), l.b)

class Spy:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if name != "__dict__" and not name.startswith("__"):
            print("  get", name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.x + 1
s = Spy()
print(s.x, s.method())

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: Frozen is immutable")
f = Frozen(5)
try:
    f.v = 6
except AttributeError as e:
    print("AttributeError:", e, f.v)

class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1), p.index(3))
