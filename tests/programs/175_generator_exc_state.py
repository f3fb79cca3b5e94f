import sys
def g():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        print("in gen after resume:", sys.exc_info()[0].__name__)
        yield 2
x = g()
next(x)
print("caller sees:", sys.exc_info()[0])
try:
    raise ValueError("v")
except ValueError:
    next(x)
    print("caller handler still:", sys.exc_info()[0].__name__)
