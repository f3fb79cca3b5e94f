# comprehensions: nested, with conditions, dict/set, walrus inside, and their own scope
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print({n: n * n for n in range(6) if n % 2}, {c for c in "mississippi"} == set("misp"))
print([(x, y) for x in range(4) for y in range(x) if (x + y) % 2])
data = [3, 8, 1, 9, 4]
print([y for x in data if (y := x * 2) > 6], y)
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == w[::-1]], {len(w): w for w in words})
x = "outer"
print([x for x in range(3)], x)
flat = [n for row in matrix for n in row if n % 2 == 0]
print(flat, sum(n for row in matrix for n in row))
print({k: [v for v in range(k)] for k in range(3)})
try:
    [1 / n for n in [1, 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
