def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in with_finally():
    print(v)
    break
print("after break")
g = with_finally()
next(g)
g.close()
print("closed")
def echo():
    while True:
        try:
            x = yield
            print("got", x)
        except ValueError as e:
            print("caught", e)
e = echo()
next(e)
e.send(1)
e.throw(ValueError("bad"))
e.send(2)
try:
    e.throw(KeyError, "k")
except KeyError as k:
    print("propagated", repr(k))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as r:
    print("RuntimeError:", r)
def counter():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print("counter done at", n)
c = counter()
print(next(c), next(c))
del c
print("end")
