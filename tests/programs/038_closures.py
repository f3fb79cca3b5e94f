def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(5), c2())
def multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in multipliers()])
def late():
    return [lambda x: x * i for i in range(4)]
print([m(10) for m in late()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
