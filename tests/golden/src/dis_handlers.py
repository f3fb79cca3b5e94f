# try/except/else/finally, with, comprehensions, starred forms, annotations
import os
from sys import path as p
x: int = 1
def f(items, *args, **kwargs) -> list:
    try:
        n = len(items)
    except TypeError as e:
        print(e)
        return None
    except (KeyError, IndexError):
        pass
    else:
        n += 1
    finally:
        print("done")
    with open(items) as fh, open(n):
        data = fh.read()
    for i in items:
        try:
            if i:
                break
            continue
        finally:
            print(i)
    first, *rest = items
    g(*args, **kwargs)
    g(1, *rest, k=2, **kwargs)
    return [a * b for a in items for b in rest if a], {k: v for k, v in kwargs.items()}, {s for s in "ab"}
def fmt(a, b):
    return "%s and %r" % (a, b), "%d" % (a,), "%-5s|%.2s" % (a, b)
y = {1, 2, 3}
z = 2 in {1, 2, 3}
w = (1 + 2j) * 3, 2 ** -1, 7.5 // 2, True + 1, 1 and 2, 0 or 3
def gen(n):
    total = 0
    for i in range(n):
        got = yield i * i
        total += got or 0
    return total
squares = sum(v * v for v in range(10) if v % 3)
