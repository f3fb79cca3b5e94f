# Assignments, arithmetic, constant folding and calls.
x = 1
y = x + 2 * 3
z = -(4 ** 2) + (1, 2)[0]
a, b = b, a
a, b, c = c, b, a
x += 1
print(x, y, sep="-")
t = (1, 2, (3, "four"))
lst = [x, y, t]
s = {1, 2}
d = {"k": x, "j": 2}
name = f"{x!r:>{y}} and {y}"
big = 2 ** 100
neg = not x
cmp = 1 < x
both = x and y or z
obj.attr = lst[1:2]
del lst[0]
first = "héllo"[1] + "abc"[-1]
octet = b"xyz"[0]
nested = ((1, 2), 3)[0][1]
missing = (1, 2)[5]
