# iterators: __iter__ returning self, __next__ raising StopIteration, iterables vs iterators, iter() with a sentinel
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

c = Countdown(3)
print(list(c), list(c))

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Countdown(self.n)
r = Range2(2)
print(list(r), list(r), sum(r), max(r))

it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")

data = [5, 3, 0, 7]
pos = iter(data)
print(list(iter(lambda: next(pos), 0)))

class NotIterator:
    def __iter__(self):
        return 42
try:
    iter(NotIterator())
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
a, b, *rest = Countdown(5)
print(a, b, rest)
print(dict(zip("abc", Countdown(3))), list(enumerate(Countdown(2), 1)))
