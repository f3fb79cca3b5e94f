print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
r = range(0, 20, 3)
print(r, len(r), r[2], r[-1], r[1:3], 9 in r, 10 in r, r.index(9), r.count(12))
print(range(5) == range(0, 5), sum(range(101)), list(reversed(range(4))))
print(range(10**20)[10**19], len(range(-5, 5)))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
