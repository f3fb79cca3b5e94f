x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7; x <<= 2; x >>= 1; x |= 8; x &= 14; x ^= 3
print(x)
s = "ab"; s *= 3; s += "!"
print(s)
lst = [1]; alias = lst; lst += [2]; lst *= 2
print(lst, alias, lst is alias)
t = (1,); alias_t = t; t += (2,)
print(t, alias_t, t is alias_t)
d = {"k": 1}; d["k"] += 41
print(d)
class Box: pass
b = Box(); b.v = 1; b.v += 1
print(b.v)
f = 1.5; f /= 2; print(f)
