a = not x
b = -x, +x, ~x, --x
c = x and y or z and not w
d = x if y else z if w else v
e = x + y * z ** -w // v % u - t @ s
f = (x < y <= z != w == v > u >= t)
g = x is y, x is not y, x in y, x not in y
h = x << 1 >> 2 & 3 | 4 ^ 5
i = f(1, *args, k=2, **kwargs)(3)
j = obj.attr.method().other[0][1:2][::3][1:2, ::3, ...]
k = lambda: 0
l = lambda a, b=1, *c, d, **e: a
m = x[a:b:c], x[:], x[a:], x[:b], x[::], x[i, j], x[(i, j)], x[*idx]
n = await_ = yield_ = 0
o = (yield)
p = [*a, *b], (*a, *b), {*a, *b}, {**a, 'k': 1, **b}
q = ..., Ellipsis, None, True, False
r = f(x for x in y)
s = f(a)(b)(c)
t = -1 ** 2, (-1) ** 2, 2 ** -1
u = x.y.z, x().y, x[0].y
