# __call__: objects used as functions, counters, callable() and bound methods as callables
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, x):
        return x * self.factor

double = Multiplier(2)
print(double(21), list(map(Multiplier(3), [1, 2, 3])), callable(double), callable(Multiplier), callable(5))

class CountCalls:
    def __init__(self, func):
        self.func = func
        self.calls = 0
    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.func(*args, **kwargs)

@CountCalls
def hello(name, punct="!"):
    return f"hello {name}{punct}"

print(hello("a"), hello("b", punct="?"), hello.calls)
print(sorted(["bb", "a", "ccc"], key=Multiplier(1).__call__))

class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
try:
    double()
except TypeError as e:
    print("TypeError:", e)
m = double.__call__
print(m(5), type(m).__name__)
