x = 1
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
print("x" in globals(), globals()["x"], __name__)
def g():
    return sorted(vars().keys())
print(g())
