def a(): return
def b(): return 1
def c(): return 1, 2
def d(): return *x, y
def e(): yield
def f(): yield 1, 2
def g(): yield from h()
def h(): x = yield; y = yield from z; return x, y
def i(): await_ = (yield)
