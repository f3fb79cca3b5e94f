# generator lifecycle: created, running, suspended, closed; gi_ attributes and repr-free checks
def counter(n):
    print("  started")
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            print("  received", got)
            i = got
        else:
            i += 1
    print("  finishing")
    return "done"

g = counter(3)
print(type(g).__name__, g.gi_running, g.gi_suspended, g.__name__, g.__qualname__)
print(next(g), g.gi_suspended)
print(g.send(2))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(g.gi_suspended, next(g, "exhausted"))

def inner_state():
    yield inner.gi_running
inner = inner_state()
print(next(inner))

def empty():
    return
    yield
print(list(empty()), list(counter(0)))
try:
    counter(2).send(5)
except TypeError as e:
    print("TypeError:", e)
