def f(a, b, c=3, *, d):
    return a + b + c + d
tests = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, 4, d=1),
    lambda: f(1, 2, d=1, e=5),
    lambda: f(1, 2, a=1, d=1),
    lambda: f(),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
def g(x, /):
    return x
try:
    g(x=1)
except TypeError as e:
    print("TypeError:", e)
def h():
    pass
try:
    h(1)
except TypeError as e:
    print("TypeError:", e)
