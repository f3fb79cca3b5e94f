# A for loop asks an iterator for one value at a time (GET_ITER, FOR_ITER).
total = 0
for n in range(1, 6):
    total += n
print("sum of 1..5 =", total)

i = 0
while i < 3:
    print("while", i)
    i += 1
