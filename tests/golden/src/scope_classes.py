class Base:
    attr = 1
    __private = 2
    def method(self):
        return self.__private, self.__dunder__, __secret
    def uses_super(self):
        return super().method()
    def uses_class(self):
        return __class__
    @staticmethod
    def static(attr=attr):
        return attr

class Derived(Base):
    x = 1
    y = [x for _ in range(3)]
    def f(self):
        return x

def factory(n):
    class Local:
        size = n
        def get(self):
            return n
    return Local

class __Under:
    __name = 1
