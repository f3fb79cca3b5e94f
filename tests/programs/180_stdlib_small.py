import operator, string, bisect, heapq, textwrap, copy
from operator import itemgetter, attrgetter, methodcaller, add, mul
from abc import ABC, abstractmethod
print(sorted([("b", 2), ("a", 3)], key=itemgetter(1)), itemgetter(0, 2)("xyz"), add(2, 3), mul(4, 5))
class P:
    def __init__(self, n): self.n = n
print(attrgetter("n")(P(4)), methodcaller("upper")("hi"), operator.neg(5), operator.contains([1, 2], 2))
print(string.ascii_lowercase[:5], string.digits, len(string.punctuation), string.capwords("hello  wide world"))
a = [1, 3, 3, 7]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4))
bisect.insort(a, 5); print(a)
h = []
for v in [5, 1, 4, 2, 3]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(5)])
data = [9, 4, 7, 1]
heapq.heapify(data); print(data[0], heapq.nsmallest(2, [5, 3, 8]), heapq.nlargest(2, [5, 3, 8]))
print(repr(textwrap.dedent("    a\n      b\n    c\n")), textwrap.indent("x\ny", "> "))
print(textwrap.fill("the quick brown fox jumps over the lazy dog", 15))
nested = [[1, 2], {"k": [3]}]
shallow = copy.copy(nested); deep = copy.deepcopy(nested)
nested[0].append(99)
print(shallow[0], deep[0], deep[1] == nested[1], deep[1] is nested[1])
class Shape(ABC):
    @abstractmethod
    def area(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Sq(3).area())
try:
    Shape()
except TypeError as e:
    print(e)
