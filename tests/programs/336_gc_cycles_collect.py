# The cycle collector: what gc.collect() finds for the cycles a program makes.
import gc

gc.collect()
print(gc.isenabled(), gc.get_threshold())


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


a, b = Node("a"), Node("b")
a.other, b.other = b, a          # a <-> b
del a, b                          # the counts stay 1: only the collector frees them
print("two nodes:", gc.collect())

c = Node("c")
c.__dict__                        # asking for __dict__ makes it an object of its own
c.other = c
del c
print("node with its dict:", gc.collect())

items = []
items.append(items)
del items
print("a list in itself:", gc.collect())

d = {}
d["me"] = d
del d
print("a dict in itself:", gc.collect())


def f():
    pass


f.again = f                       # a function attribute: the function's dict
del f
print("a function and its dict:", gc.collect())

n = gc.collect()
print(gc.get_count())             # a collection resets the counts
print("nothing left:", n)

# What is tracked: containers only, and not dicts that hold nothing trackable.
print(gc.is_tracked(0), gc.is_tracked("a"), gc.is_tracked([]), gc.is_tracked({}),
      gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}), gc.is_tracked(Node("x")),
      gc.is_tracked(object()))

# get_referents shows the references as the collector sees them.
print(gc.get_referents([1, "two", None]))
print(gc.get_referents((1, 2)))
n = Node("n")
n.more = [1]
print(gc.get_referents(n))
print(gc.get_referents({"a": 1, 2: "b"}))
print(gc.get_referents({"x": 10, "y": 20}))

# get_referrers: who holds this list?
target = [42]
holder = {"t": target}
print(holder in gc.get_referrers(target))

# Turning automatic collection off and on.
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(sorted(gc.get_stats()[0]))
print(len(gc.get_stats()))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
