# Folding of sequences, fold_iter, f-string positions, static swaps, jump lines.
a = 'ab' * 3 + 'c'
b = (1, 2) * 2 + (3,)
c = b'x' + b'y'
d = 3 * 'z'
for q in [1, 2, 3]:
    pass
for q in [a, b]:
    pass
if a in [1, 2]:
    pass
if a not in [a, b]:
    pass
e = 'x' * 5000
f = (1,) * 300
g = 'abc' * -1
h = 'long' + 'x' * 4000 + 'y' * 90
x = (f'{len(p)} bytes {a!r:>{w}} x'
     f'{r} expected {b:{c}.{d}}' 'tail')
y = f"{x}"
z = f"{f'{x}'}"
def f(a, b, c):
    a, b = b, a
    a, b, c = c, b, a
    a, a = b, c
    x, y = 1, 2
    return x
if (a and
    b is c):
    pass
if (f(a) and
    not g(b)):
    pass
msg = "%s" % (1,)
n1 = -(1+2j), -(2j), -(0j), -(1.5-0j), -1j
n2 = 1.5 + 2, 7 - 0.5, 3 * 0.1, 1 / 4.0, 7.5 // 2, -7.5 % 2, 2.0 ** 10, 2 ** -1
n3 = True + 1, True * 2.5, False - 1j, (-8.0) ** 0.5, 1e308 * 10, 1 / 0.0, 5 % 0.0
n4 = 10 ** 400 + 0.5, 1.0 << 2, 3 @ 4.0
