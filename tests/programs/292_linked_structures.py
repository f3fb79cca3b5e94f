# a stack and a queue as linked nodes with __len__, __iter__, __repr__ and __bool__
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class Stack:
    def __init__(self):
        self._top = None
        self._size = 0
    def push(self, v):
        self._top = Node(v, self._top)
        self._size += 1
    def pop(self):
        if not self._top:
            raise IndexError("pop from empty stack")
        node = self._top
        self._top = node.next
        self._size -= 1
        return node.value
    def __len__(self):
        return self._size
    def __iter__(self):
        node = self._top
        while node:
            yield node.value
            node = node.next
    def __repr__(self):
        return "Stack(" + " <- ".join(map(repr, self)) + ")"

def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    s = Stack()
    for ch in text:
        if ch in "([{":
            s.push(ch)
        elif ch in pairs:
            if not s or s.pop() != pairs[ch]:
                return False
    return not s

s = Stack()
for x in "abc":
    s.push(x)
print(s, len(s), s.pop(), list(s), bool(s))
print([balanced(t) for t in ["(a[b]{c})", "(]", "((", "", "{[()()]}"]])
try:
    Stack().pop()
except IndexError as e:
    print("IndexError:", e)
