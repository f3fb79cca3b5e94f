# Float math: a numeric integration and a few math calls.
import math
def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    x = a
    for _ in range(1, n):
        x += h
        s += f(x)
    return s * h
print(round(integrate(math.sin, 0.0, math.pi, 2000000), 6))
acc = 0.0
for k in range(1, 1000000):
    acc += 1.0 / (k * k)
print(round(acc, 9))
