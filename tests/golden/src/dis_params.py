# Parameters: positional-only, defaults, *args, keyword-only (with defaults), **kwargs.
def f(a, b=1, /, c=2, *args, d, e=3, f=x, **kw):
    return a, args, kw, d
def g(*, key=None):
    return key
def h(*args):
    return args
class C:
    def m(self, *, __k=1, j):
        return __k
lam = lambda *a, b=2, **k: (a, b, k)
