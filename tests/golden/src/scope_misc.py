import os.path
import sys as system
from collections import OrderedDict as OD, deque

def annotated(a: int, *args: str, b: "x" = 1, **kw) -> bool:
    local: int = 5
    other: str
    return local

def with_try():
    try:
        pass
    except ValueError as err:
        pass
    with open("f") as (fh, gh):
        pass
    for i, (j, k) in []:
        del i
    global g1
    g1 = 1

def matcher(cmd):
    match cmd:
        case [first, *rest]:
            return first, rest
        case {"k": v, **others}:
            return v, others
        case Point(x=px) as p:
            return px, p

def gen():
    yield 1
    x = yield from range(3)
