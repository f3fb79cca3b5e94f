# Counter: counting, most_common, arithmetic, elements, update/subtract, missing keys
from collections import Counter

c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), sorted(c.elements()))
c.update("aaz")
c.subtract({"b": 5})
print(c, +c, -c)
d = Counter(a=3, b=1)
e = Counter(a=1, b=2, c=5)
print(d + e, d - e, d & e, d | e, d == Counter(b=1, a=3))
print(Counter([1, 2, 2, 3, 3, 3]).most_common(), Counter().most_common(1), len(c), sum(d.values()))
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(1)[0], list(Counter(words)), dict(Counter(words)))
del c["z"]
print("z" in c, c.total() if hasattr(c, "total") else "-")
