# closures: counters with nonlocal, late binding in loops, global vs nonlocal, functions as objects
def make_counter(start=0, step=1):
    count = start
    def counter():
        nonlocal count
        count += step
        return count
    return counter

c1, c2 = make_counter(), make_counter(10, 5)
print(c1(), c1(), c2(), c1(), c2())
print(c1.__closure__[0].cell_contents, c1.__code__.co_freevars)

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

total = 0
def add_global(n):
    global total
    total += n
add_global(5); add_global(7)
print(total)

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())

def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memo
def slow_square(n):
    print("  computing", n)
    return n * n
print(slow_square(4), slow_square(4), slow_square.cache)
