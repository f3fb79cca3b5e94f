first, *middle, last = range(10)
[*head, tail] = "abc"
(a, *b), c = [1, 2], 3
for x, *y in [(1, 2, 3)]:
    pass
*a, b = c = d, *e = f
x = *a, *b
print(*a, *b)
