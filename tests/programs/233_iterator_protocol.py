# iterators: __iter__ returning self, __next__ raising StopIteration, iterables vs iterators, iter() with a sentinel
class Fib:
    """An iterator over Fibonacci numbers below a limit."""
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a >= self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value

f = Fib(20)
print(list(f), list(f), f is iter(f))

class FibRange:
    """An iterable: a fresh iterator each time."""
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        return Fib(self.limit)
r = FibRange(10)
print(list(r), list(r), sum(r), max(r), 8 in r)

data = [5, 3, 0, 7]
pos = iter(data)
print(list(iter(lambda: next(pos), 0)), next(pos, "rest"), next(pos, "exhausted"))

class NotIterator:
    def __iter__(self):
        return 42
for bad in [lambda: iter(NotIterator()), lambda: next([1]), lambda: iter(5), lambda: iter(len, 1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
a, b, *rest = Fib(30)
print(a, b, rest)
print(dict(zip("abc", Fib(5))), list(enumerate(Fib(3), 1)), list(map(lambda x: x * x, Fib(10))))
it = Fib(100)
print([x for x in it if x % 2], list(it))
