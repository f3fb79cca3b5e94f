# namedtuple (fields, defaults, _replace, _asdict, _make) and defaultdict (grouping, nested)
from collections import namedtuple, defaultdict, OrderedDict

Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x + p.y, p[0], tuple(p), p._asdict(), p._replace(x=10), Point._make([5, 6]), Point._fields)
x, y = p
print(x, y, p == (3, 4), isinstance(p, tuple), len(p))
Person = namedtuple("Person", "name age city", defaults=["Paris"])
print(Person("Ann", 30), Person._field_defaults)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)

groups = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    groups[word[0]].append(word)
print(dict(groups), groups["z"], "z" in groups)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
tree = defaultdict(lambda: defaultdict(int))
tree["a"]["x"] += 1
tree["b"]["y"] += 2
print({k: dict(v) for k, v in tree.items()})
od = OrderedDict(b=2, a=1)
od.move_to_end("b")
print(list(od), od.popitem(last=False))
