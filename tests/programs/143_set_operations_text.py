a = set("mississippi")
b = set("missouri")
print(sorted(a), sorted(b), sorted(a & b), sorted(a | b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print({1, 2, 3} == {3, 2, 1}, {1, 2} < {1, 2, 3}, {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
