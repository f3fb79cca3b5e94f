# A singly linked list: nodes, iteration, dunder methods.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for item in reversed(list(items)):
            self.push(item)

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty list")
        node = self.head
        self.head = node.next
        self.size -= 1
        return node.value

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __len__(self):
        return self.size

    def __contains__(self, value):
        return any(v == value for v in self)

    def reverse(self):
        previous = None
        node = self.head
        while node:
            node.next, previous, node = previous, node, node.next
        self.head = previous

    def __repr__(self):
        return " -> ".join(map(repr, self)) or "(empty)"


numbers = LinkedList([3, 1, 4, 1, 5])
print(numbers, len(numbers), 4 in numbers, 9 in numbers)
numbers.reverse()
print(numbers)
numbers.push(9)
print(numbers.pop(), numbers.pop(), numbers, list(numbers))
empty = LinkedList()
print(empty, len(empty))
try:
    empty.pop()
except IndexError as e:
    print("IndexError:", e)
