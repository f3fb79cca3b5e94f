def trace(f):
    def wrapper(*args, **kwargs):
        print("calling", f.__name__, args, kwargs)
        result = f(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
def repeat(n):
    def deco(f):
        def inner(*a):
            return [f(*a) for _ in range(n)]
        return inner
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"))
