class Node:
    def __init__(self, children):
        self.children = children
    def count(self):
        return 1 + sum(map(Node.count, self.children))
leaf = Node([])
print(Node([leaf, Node([leaf])]).count())
n = Node([])
n.children.append(n)
try:
    print(n.count())
except RecursionError as e:
    # (CPython counts the C-level entries slightly differently: compare
    # the message, not the depth.)
    print(type(e).__name__, e)
n.children.clear()
print(n.count())
