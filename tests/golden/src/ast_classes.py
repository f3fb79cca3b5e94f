class Empty: pass
class Base(object): x = 1
class Multi(Base, Empty, metaclass=type): pass
class Kw(Base, **{'metaclass': type}): ...
class Star(*[Base]): pass
@decorator
class Decorated:
    @property
    def value(self): return self._v
    @value.setter
    def value(self, v): self._v = v
    @staticmethod
    @other.attr(1, k=2)
    def s(): pass
    @(lambda f: f)
    def expr_decorator(self): pass
    class Inner:
        y: int = 2
        z: str
