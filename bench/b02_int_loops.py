# Integer loops: nested arithmetic on small ints.
total = 0
for i in range(3000):
    for j in range(1000):
        total += (i * j) % 7 - (j >> 2) + (i & 15)
print(total)
