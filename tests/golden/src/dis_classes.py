# Classes: __build_class__, docstrings, __class__ cells, class-level free names.
class A:
    """Doc."""
    x = 1
    def m(self, y):
        return self.x + y

@deco
class B(A, metaclass=Meta):
    def __init__(self):
        super().__init__()
        self.__secret = 2
    def get(self):
        return __class__

def factory(v):
    class Local:
        w = v
        def f(self):
            return v
    return Local

class Empty: pass
class G:
    global H
    class H:
        pass
def f1(x):
    class C:
        def m(self):
            return x
        y = x
    return C
def f2():
    class C:
        def m(self):
            return __class__
    return C
def f3(x):
    class C:
        x = x
        def m(self):
            return x
    return C
