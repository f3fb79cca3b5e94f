data = list(range(100000))
print(sum(data), len(data), data[-1], sum([x % 7 for x in data[:1000]]))
squares = [x * x for x in data[:10]]
print(squares)
data.reverse()
print(data[:3], sorted(data)[:3])
