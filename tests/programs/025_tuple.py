t = (1, "two", 3.0, [4])
print(t, len(t), t[1], t[-1], t[1:3], t + (5,), t * 2, (1,), (), tuple("abc"))
t[3].append(5)
print(t, t.count(1), t.index("two"), 3.0 in t)
a, b, *rest = (1, 2, 3, 4)
print(a, b, rest)
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 9, 9), hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 9
except TypeError as e:
    print(e)
