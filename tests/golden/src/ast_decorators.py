import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
@a
@b.c
@d(e)
@f[0]
@(g or h)
@i := j
def many(): pass
@dataclass(frozen=True)
class Point:
    x: float = 0.0
    y: float = 0.0
