f = lambda: None
g = lambda x: x
h = lambda x, y=1, *a, z, w=2, **k: (x, y, a, z, w, k)
i = lambda x, /, y: x
j = lambda *, k: k
k = lambda *a: a
l = (lambda: (lambda: 1))()()
m = sorted(xs, key=lambda p: (p.x, -p.y))
