print([x ** 2 for x in range(10) if x % 3 == 0])
print({w: len(w) for w in ["hi", "hello", "hey"]})
print({c.lower() for c in "AbBa"} == {"a", "b"}, sorted({c.lower() for c in "AbBa"}))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([(x, y) for x in range(3) for y in "ab" if x != 1])
print([n for row in matrix for n in row if n % 2])
x = "outer"
print([x for x in "ab"], x)
print(sum([i for i in range(100)]), [i if i % 2 else -i for i in range(6)])
