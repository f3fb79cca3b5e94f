# Functions, defaults, closures, decorators, lambdas and methods.
import os
import sys

def f(a, b=2):
    return a.upper() + g(b)

def outer(n):
    total = 0
    def inner(k):
        nonlocal total
        total += k
        return total * n
    return inner

@decorate
def wrapped(args, kwargs):
    global counter
    counter = len(args)
    return kwargs

square = lambda v: v * v

def early(x):
    if x:
        return 1
    while x:
        x -= 1
    return os.path.join("a", "b")
