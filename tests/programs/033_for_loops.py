for i in range(3):
    for j in range(3):
        if j == i:
            continue
        print(i, j, end="; ")
print()
for c in "hey":
    print(c.upper(), end="")
print()
for i, (a, b) in enumerate([(1, 2), (3, 4)], start=1):
    print(i, a + b)
for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print("no break")
for x in []:
    print("never")
else:
    print("empty else")
total = 0
for n in range(1, 11):
    total += n * n
print(total)
