def g(a):
    x = yield a
    print("got", x)
    yield x
    return 5
it = g(1)
print(next(it), it.send("hello"))
try:
    it.send(None)
except StopIteration as e:
    print("stop", e.value)
def h(n):
    for i in range(n):
        if i % 2:
            yield i * i
print(list(h(10)), sum(i*i for i in range(5) if i), list(x.upper() for x in "ab"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
print(type(f).__name__, any(x > 3 for x in [1, 5]), all(x for x in []), max(len(w) for w in ["a", "abc"]))
def gen_closure(k):
    return (k * v for v in range(3))
print(list(gen_closure(10)))
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in with_finally():
    print(v)
print(dict((k, v) for k, v in zip("ab", [1, 2])), tuple(i for i in range(3)), sorted(x % 3 for x in range(6)))
