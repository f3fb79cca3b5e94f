# in-place operators: __iadd__ mutating in place, falling back to __add__, on lists and tuples
class Bag:
    def __init__(self, items=()):
        self.items = list(items)
    def __iadd__(self, other):
        print("  __iadd__")
        self.items.extend(other)
        return self
    def __add__(self, other):
        print("  __add__")
        return Bag(self.items + list(other))
    def __isub__(self, other):
        self.items = [x for x in self.items if x not in other]
        return self
    def __repr__(self):
        return f"Bag({self.items})"

b = Bag([1])
alias = b
b += [2, 3]
print(b, alias, b is alias)
b -= [1]
print(b)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return OnlyAdd(self.v + other)
x = OnlyAdd(1)
y = x
x += 5
print(x.v, y.v, x is y)

lst = [1]
ref = lst
lst += [2]
print(ref, lst is ref)
t = (1,)
tref = t
t += (2,)
print(t, tref)
s = "a"
s *= 3
print(s)
n = 7
n //= 2; n **= 3; n %= 10; n <<= 2; n |= 1; n ^= 3; n &= 0xFF; n >>= 1
print(n)
try:
    t = (1, [2])
    t[1] += [3]
except TypeError as e:
    print("TypeError:", e, t)
