# A decorator-based memoizer, next to functools.lru_cache.
import functools

calls = 0


def memoize(func):
    cache = {}

    @functools.wraps(func)
    def wrapper(*args):
        if args not in cache:
            cache[args] = func(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper


@memoize
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), calls, len(fib.cache), fib.__name__)


@functools.lru_cache(maxsize=None)
def ways(n):
    return 1 if n == 0 else sum(ways(n - k) for k in (1, 2, 3) if k <= n)


print(ways(20), ways.cache_info())
