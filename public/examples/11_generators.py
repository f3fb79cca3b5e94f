# A generator's frame leaves the frame stack at each yield and comes back.
def countdown(n):
    while n > 0:
        yield n
        n -= 1

for value in countdown(3):
    print(value)
print(list(countdown(2)))
