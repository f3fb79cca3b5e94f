# Lists: comprehensions, sorting with and without keys, slicing.
data = [(i * 7919) % 10007 for i in range(600000)]
squares = [x * x for x in data if x % 3]
data.sort()
pairs = sorted([(x % 100, -x) for x in squares[:300000]], key=lambda p: p[0])
print(data[:3], data[-1], len(squares), pairs[0], sum(data[::100]))
