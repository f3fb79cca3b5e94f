# Every operator and delimiter.
a = b + c - d * e / f // g % h ** i @ j
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= m
a &= 1; a |= 1; a ^= 1; a >>= 1; a <<= 1
x = (a < b) and (a > b) or (a <= b) != (a >= b) == (a is not b)
y = ~a & b | c ^ d << 2 >> 1
z = [1, 2][0:1:1], {1: 2}, {3}, f(*a, **b)
def fn(p) -> int: ...
if (n := 10) > 5: pass
