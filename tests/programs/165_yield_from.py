def inner():
    x = yield 1
    print("inner got", x)
    yield 2
    return "inner done"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from range(3)
    yield from [10, 20]
    return "outer done"
g = outer()
print(next(g), g.send("hi"), list(g))
def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, 4]], 5, [[6]]])))
def delegate():
    result = yield from (i * i for i in range(4))
    return result
print(list(delegate()))
