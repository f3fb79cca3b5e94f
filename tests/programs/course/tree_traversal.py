# A binary search tree: recursion, generators, traversal orders.
class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

    def insert(self, key):
        if key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        else:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)

    def inorder(self):
        if self.left:
            yield from self.left.inorder()
        yield self.key
        if self.right:
            yield from self.right.inorder()

    def preorder(self):
        yield self.key
        for child in (self.left, self.right):
            if child:
                yield from child.preorder()

    def height(self):
        return 1 + max(self.left.height() if self.left else 0, self.right.height() if self.right else 0)


def breadth_first(root):
    queue = [root]
    while queue:
        node = queue.pop(0)
        yield node.key
        queue.extend(child for child in (node.left, node.right) if child)


root = Tree(8)
for k in [3, 10, 1, 6, 14, 4, 7, 13]:
    root.insert(k)
print(list(root.inorder()))
print(list(root.preorder()))
print(list(breadth_first(root)), root.height())
