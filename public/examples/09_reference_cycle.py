# A reference cycle: each node refers to the other, so neither refcount
# reaches zero when the names go away (the cycle collector's job).
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

a = Node("a")
b = Node("b")
a.other = b
b.other = a
print(a.other.name, b.other.name)
del a
del b   # both nodes are unreachable now, but their refcounts are still 1
print("names deleted")
