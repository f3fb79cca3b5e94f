# Exceptions in a loop: raise, catch, finally.
def risky(i):
    if i % 3 == 0:
        raise ValueError(i)
    return i
caught = 0
total = 0
for i in range(500000):
    try:
        total += risky(i)
    except ValueError as e:
        caught += 1
    finally:
        total += 1
print(caught, total)
