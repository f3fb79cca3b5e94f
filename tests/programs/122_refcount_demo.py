import sys
a = []
print(sys.getrefcount(a))
b = [a, a]
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
def f(x):
    return sys.getrefcount(x)
print(f(a))
