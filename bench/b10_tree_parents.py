# Trees whose nodes point back at their parents: every tree is a web of
# reference cycles, so only the cycle collector frees it (default
# thresholds, as CPython's).
class Node:
    def __init__(self, parent, depth):
        self.parent = parent
        self.children = []
        if depth:
            for _ in range(3):
                self.children.append(Node(self, depth - 1))


def size(node):
    return 1 + sum(size(c) for c in node.children)


total = 0
for i in range(120):
    root = Node(None, 6)       # 1093 nodes, each in a cycle with its parent
    total += size(root)
    root = None                # unreachable: the collector's to free
print(total)
