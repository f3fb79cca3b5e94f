# arithmetic operators and their reflected forms: __add__/__radd__, NotImplemented fallbacks
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        print("  __radd__ with", other)
        return self + other
    def __sub__(self, other):
        if isinstance(other, Money):
            return Money(self.cents - other.cents)
        return NotImplemented
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Money(round(self.cents * k))
        return NotImplemented
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Money(self.cents // k)
    def __floordiv__(self, other):
        return self.cents // other.cents
    def __mod__(self, other):
        return Money(self.cents % other.cents)
    def __neg__(self):
        return Money(-self.cents)
    def __pos__(self):
        return self
    def __abs__(self):
        return Money(abs(self.cents))
    def __pow__(self, n):
        return Money(self.cents ** n)

a, b = Money(150), Money(75)
print(a + b, a - b, a * 2, 3 * a, a / 2, a // b, a % Money(40), -a, +a, abs(Money(-5)), b ** 2)
print(10 + a, sum([a, b, Money(1)]))
for bad in [lambda: a - 1, lambda: "x" + a, lambda: a * "x", lambda: a @ b, lambda: 1 - a]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

class Sub(Money):
    def __radd__(self, other):
        return "Sub.__radd__ wins"
print(Money(1) + Sub(2))
