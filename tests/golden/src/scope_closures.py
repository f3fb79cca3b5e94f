def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

def outer(a):
    b = 1
    def middle():
        c = a + b
        def inner():
            return a, b, c, d
        return inner
    d = 2
    return middle

x = 10
def uses_global():
    return x + len([x])

def shadow(x):
    x = x + 1
    return lambda y, z=x: x + y + z
