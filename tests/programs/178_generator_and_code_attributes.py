def inner():
    yield 1
    yield 2
def outer():
    yield from inner()
g = outer()
print(g.gi_running, g.gi_suspended, g.gi_yieldfrom, g.gi_code.co_name)
next(g)
print(g.gi_suspended, g.gi_yieldfrom.__name__, g.gi_yieldfrom.gi_suspended)
list(g)
print(g.gi_suspended, g.gi_yieldfrom)
def f(a, b=2, *, c):
    x = a + b
    return lambda: x + c
co = f.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_varnames, co.co_cellvars, co.co_flags, co.co_firstlineno)
print(co.co_consts[0], co.co_names, type(co.co_code).__name__, len(co.co_code) % 2)
