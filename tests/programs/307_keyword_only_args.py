# function signatures: positional-only, keyword-only, defaults, *args/**kwargs and the errors for misuse
def f(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return (a, b, c, args, d, e, kwargs)

print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
for bad in [lambda: f(1), lambda: f(a=1, d=2), lambda: f(1, 2, 3, c=4, d=5), lambda: f(d=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

def configure(*, host="localhost", port=80):
    return f"{host}:{port}"
print(configure(), configure(port=8080))
try:
    configure("example.com")
except TypeError as e:
    print("TypeError:", e)

def total(*numbers, start=0):
    return start + sum(numbers)
print(total(1, 2, 3), total(start=10), total(*range(4), start=1))
opts = {"host": "h", "port": 1}
print(configure(**opts))
try:
    configure(**{"host": "x", "verbose": True})
except TypeError as e:
    print("TypeError:", e)
