x = 1
x = y = z = 2
x, y = y, x
[a, b] = c
(a, b), c = d
a, *b, c = range(5)
*a, = b
a.b = 1
a[0] = 1
a[1:2] = [3]
x += 1
x.y -= 2
x[0] *= 3
n: int
n: int = 5
obj.attr: str = "s"
obj[0]: float
(p): int = 1
del x, y[0], z.w
del (a, b), [c]
i = j = k = []
