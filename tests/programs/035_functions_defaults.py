def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bo", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
def f(a, b=[]):
    b.append(a)
    return b
print(f(1), f(2), f(3, []))
def g(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y
print(g(1), g(2))
print(greet.__name__, greet.__defaults__, (lambda: 0).__name__)
