def inner():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "caught"
def outer():
    yield from inner()
g = outer()
print(next(g), g.throw(ValueError))
g.close()
print("closed")
