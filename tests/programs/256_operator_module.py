# operator: function forms of operators, itemgetter, attrgetter, methodcaller in sorting
import operator
from collections import namedtuple

print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.contains([1, 2], 2), operator.not_(0), operator.truth([]))
rows = [("bob", 25, "LA"), ("ann", 31, "NY"), ("cy", 25, "SF")]
print(sorted(rows, key=operator.itemgetter(1, 0)), operator.itemgetter(0, 2)(rows[0]))
P = namedtuple("P", "name age")
people = [P("zed", 3), P("amy", 9)]
print(sorted(people, key=operator.attrgetter("name")), list(map(operator.attrgetter("age"), people)))
print(list(map(operator.methodcaller("upper"), ["a", "b"])), operator.methodcaller("split", ",")("a,b"))
d = {}
operator.setitem(d, "k", 1)
print(d, operator.getitem(d, "k"), operator.index(5), operator.concat([1], [2]))
x = [1]
x = operator.iadd(x, [2])
print(x, operator.pow(2, 10), operator.mod(10, 3), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3))
