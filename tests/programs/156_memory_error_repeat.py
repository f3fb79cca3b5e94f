try:
    x = [0] * (10 ** 12)
except MemoryError:
    print("MemoryError caught")
try:
    s = "ab" * (10 ** 12)
except MemoryError:
    print("MemoryError for str")
print("still alive")
