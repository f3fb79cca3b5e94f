# unpacking: starred assignment, nested targets, swapping, in for loops, in calls and displays, errors
first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c)
a, b = b, a
print(a, b)
for i, (name, score) in enumerate([("ann", 90), ("bob", 85)], start=1):
    print(i, name, score)
head, *tail = "hello"
print(head, tail, [*"ab", *range(2)], {**{"x": 1}, "y": 2}, {*[1, 2], 3})
def f(x, y, z):
    return x + y * z
print(f(*[1, 2], **{"z": 3}), f(*(1,), *[2], 3))
for bad in ["x, y = [1, 2, 3]", "x, y, z = 'ab'", "x, *y, z = [1]", "a, b = 5"]:
    try:
        exec(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
*rest, = [1, 2]
print(rest)
