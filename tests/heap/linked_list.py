# A linked list: each node in the next column, its arrow straight across.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

head = None
for v in range(5):
    head = Node(v, head)
print(head.value, head.next.value)
