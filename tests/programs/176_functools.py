from functools import partial, reduce, lru_cache, cache, cmp_to_key, total_ordering, wraps
import functools
add = lambda a, b: a + b
print(reduce(add, [1, 2, 3, 4]), reduce(add, [], 10))
try:
    reduce(add, [])
except TypeError as e:
    print("TypeError:", e)
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
print(square(7), partial(power, 2)(10))
print(repr(partial(power, 3, exp=4)).startswith("functools.partial(<function power"))
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(40), fib.cache_info())
@cache
def sq(x):
    return x * x
print(sq(3), sq(3), sq.cache_info().hits)
@lru_cache(maxsize=2)
def ident(x):
    return x
for v in [1, 2, 1, 3, 2]:
    ident(v)
print(ident.cache_info())
print(sorted([5, 1, 4], key=cmp_to_key(lambda a, b: b - a)))
def timed(f):
    @wraps(f)
    def inner(*a):
        return f(*a)
    return inner
@timed
def hello(name):
    """Say hello."""
    return "hi " + name
print(hello("x"), hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
@total_ordering
class Version:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __gt__(self, o): return self.n > o.n
print(Version(1) < Version(2), Version(2) <= Version(2), Version(3) >= Version(4))
