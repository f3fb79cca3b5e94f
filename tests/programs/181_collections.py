from collections import namedtuple, deque, defaultdict, Counter, OrderedDict
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p[0], p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields, isinstance(p, tuple))
x, y = p
print(x, y, p == (1, 2), len(p))
Card = namedtuple("Card", ["rank", "suit"], defaults=["hearts"])
print(Card("Q"), Card("K", "spades"))
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
d = deque([1, 2, 3], maxlen=4)
d.append(4); d.append(5); d.appendleft(0)
print(d, d.popleft(), d.pop(), len(d), list(d))
d2 = deque("abcde"); d2.rotate(2); print(d2); d2.rotate(-1); print(d2, d2[0], "c" in d2)
dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dd["a"], dict(dd), dd["z"], sorted(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
c = Counter("mississippi")
print(c, c.most_common(2), c["s"], c["z"], c.total(), sorted(c.elements())[:4])
c.update("ss"); c.subtract({"i": 4})
print(c["s"], c["i"], Counter("aab") + Counter("bc"), Counter("aab") - Counter("ab"))
print(Counter(cats=2, dogs=1), Counter())
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a"); print(od, list(od))
od.move_to_end("c", last=False); print(od.popitem(), od.popitem(last=False), od)
