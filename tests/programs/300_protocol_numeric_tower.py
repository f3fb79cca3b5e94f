# a Fraction-like class: arithmetic with ints, normalisation, comparisons, hashing, __int__/__float__/__round__/__abs__
import math

class Frac:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("Frac(..., 0)")
        g = math.gcd(num, den) * (1 if den > 0 else -1)
        self.num, self.den = num // g, den // g
    def _coerce(self, other):
        return other if isinstance(other, Frac) else Frac(other) if isinstance(other, int) else None
    def __add__(self, other):
        o = self._coerce(other)
        return NotImplemented if o is None else Frac(self.num * o.den + o.num * self.den, self.den * o.den)
    __radd__ = __add__
    def __mul__(self, other):
        o = self._coerce(other)
        return NotImplemented if o is None else Frac(self.num * o.num, self.den * o.den)
    __rmul__ = __mul__
    def __truediv__(self, other):
        o = self._coerce(other)
        return NotImplemented if o is None else Frac(self.num * o.den, self.den * o.num)
    def __rtruediv__(self, other):
        return Frac(other) / self
    def __neg__(self):
        return Frac(-self.num, self.den)
    def __sub__(self, other):
        return self + -other
    def __rsub__(self, other):
        return -self + other
    def __eq__(self, other):
        o = self._coerce(other)
        return NotImplemented if o is None else (self.num, self.den) == (o.num, o.den)
    def __lt__(self, other):
        o = self._coerce(other)
        return NotImplemented if o is None else self.num * o.den < o.num * self.den
    def __hash__(self):
        return hash(self.num) if self.den == 1 else hash((self.num, self.den))
    def __float__(self):
        return self.num / self.den
    def __int__(self):
        return int(self.num / self.den)
    def __round__(self, ndigits=None):
        return round(float(self), ndigits) if ndigits is not None else round(self.num / self.den)
    def __abs__(self):
        return Frac(abs(self.num), self.den)
    def __bool__(self):
        return self.num != 0
    def __repr__(self):
        return f"{self.num}/{self.den}"

a, b = Frac(1, 3), Frac(1, 6)
print(a + b, a - b, a * b, a / b, 1 + a, 2 * b, 1 / a, 1 - a, -a, abs(Frac(-3, 4)))
print(a == Frac(2, 6), Frac(2, 1) == 2, a < b, sorted([a, b, Frac(1, 2)]), {Frac(2, 4), Frac(1, 2)})
print(float(a), int(Frac(7, 2)), round(Frac(7, 2)), round(Frac(1, 3), 3), bool(Frac(0)), hash(Frac(4, 2)) == hash(2))
print(sum([Frac(1, n) for n in range(1, 5)], Frac(0)))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
