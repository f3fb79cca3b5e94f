def spin():
    n = 0
    while n < 50:
        n += 1
    return n
print(spin())
