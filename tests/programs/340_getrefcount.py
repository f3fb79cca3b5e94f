# sys.getrefcount: the count includes the reference the call itself holds.
import sys
a = []
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
d = {"k": a}
print(sys.getrefcount(a))
def f(x):
    return sys.getrefcount(x)
print(f(a))
class C: pass
c = C()
print(sys.getrefcount(c))
c.me = c
print(sys.getrefcount(c))
l = [a, a, a]
print(sys.getrefcount(a))
del l
print(sys.getrefcount(a))
t = (a,)
print(sys.getrefcount(t))
