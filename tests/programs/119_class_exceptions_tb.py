class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty Stack")
        return self._items.pop()
s = Stack()
s.push(1)
print(s.pop())
s.pop()
