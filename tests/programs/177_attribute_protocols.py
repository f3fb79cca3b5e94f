class Tracer:
    def __init__(self): object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
t = Tracer(); t.x = 1; t.x; del t.x
print(t.log)
class Seq:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __reversed__(self): return iter(self.items[::-1])
    def __contains__(self, x): return x in self.items
s = Seq(1, 2, 3)
print(list(reversed(s)), 2 in s, bool(Seq()), list(s), s[-1])
class Money:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, Money): return Money(self.v + o.v)
        return NotImplemented
    def __radd__(self, o):
        if o == 0: return self
        return NotImplemented
    def __iadd__(self, o):
        self.v += o.v
        return self
    def __repr__(self): return f"Money({self.v})"
m = Money(1); m += Money(2)
print(sum([Money(1), Money(2)]), m)
try:
    Money(1) + 5
except TypeError as e:
    print(e)
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v
    @x.deleter
    def x(self): print("deleting"); del self._x
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def helper(a): return a * 2
p = P.make(); p.x = 5; print(p.x, P.helper(4)); del p.x
class MyErr(ValueError):
    def __init__(self, code): super().__init__(f"code {code}"); self.code = code
try:
    raise MyErr(7)
except ValueError as e:
    print(type(e).__name__, e, e.code, isinstance(e, (KeyError, ValueError)))
def register(cls):
    cls.registered = True
    return cls
@register
class Q: pass
print(Q.registered, issubclass(MyErr, (ValueError,)), Q.__name__, Q.__qualname__)
class A:
    def __eq__(self, o): return True
print(A.__hash__ is None)
