def parse(items):
    for item in items:
        yield int(item)
total = 0
for value in parse(["1", "2", "x"]):
    total += value
print(total)
