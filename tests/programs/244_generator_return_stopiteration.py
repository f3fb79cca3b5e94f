# return in generators becomes StopIteration.value; StopIteration raised inside becomes RuntimeError (PEP 479)
def gen_with_return():
    yield 1
    return {"status": "ok"}

g = gen_with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)

def leaky():
    yield 1
    raise StopIteration("oops")
try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def uses_next(it):
    while True:
        yield next(it)
try:
    print(list(uses_next(iter([1, 2]))))
except RuntimeError as e:
    print("RuntimeError:", e)

def safe_next(it):
    for x in it:
        yield x
print(list(safe_next(iter([1, 2]))))

e = StopIteration(5)
print(e.value, StopIteration().value)
def ret_none():
    return
    yield
try:
    next(ret_none())
except StopIteration as e:
    print("value is None:", e.value is None)
