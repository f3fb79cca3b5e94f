# functools: reduce, partial, lru_cache (with cache_info), cache, cmp_to_key, wraps
import functools
import operator

print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [1, 2, 3], 10))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)

int2 = functools.partial(int, base=2)
print(int2("1011"), int2.func is int, int2.args, int2.keywords)
hello = functools.partial(print, "hello", sep="-")
hello("world")

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

@functools.lru_cache(maxsize=2)
def square(n):
    print("  computing", n)
    return n * n
for n in [1, 2, 1, 3, 2, 1]:
    square(n)
print(square.cache_info())

@functools.cache
def slow_add(a, b):
    print("  adding")
    return a + b
print(slow_add(1, 2), slow_add(1, 2))

def by_length_then_alpha(a, b):
    return (len(a) - len(b)) or ((a > b) - (a < b))
print(sorted(["bb", "a", "ccc", "ab"], key=functools.cmp_to_key(by_length_then_alpha)))
