# A reference cycle: each node refers to the other, so neither refcount
# reaches zero when the names go away. Only the cycle collector frees them.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


gc.collect()       # start clean
a = Node("a")
b = Node("b")
a.other = b
b.other = a
print(a.other.name, b.other.name)
del a
del b              # both nodes are unreachable now, but their refcounts are still 1
print("names deleted")
found = gc.collect()   # the collector finds the cycle and frees it
print("the collector freed", found, "objects")
