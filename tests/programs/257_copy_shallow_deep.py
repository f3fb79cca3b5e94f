# copy: shallow copies share nested objects, deep copies do not; cycles and custom __copy__/__deepcopy__
import copy

original = {"name": "cfg", "items": [1, [2, 3]], "meta": {"v": 1}}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original["items"][1].append(4)
original["meta"]["v"] = 2
print(shallow["items"], shallow["meta"], deep["items"], deep["meta"])
print(shallow["items"] is original["items"], deep["items"] is original["items"])

a = [1]
a.append(a)
b = copy.deepcopy(a)
print(b[1] is b, b[1] is a, len(b))

class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
tree = Node(1, [Node(2), Node(3)])
clone = copy.deepcopy(tree)
clone.children[0].value = 20
print(tree.children[0].value, clone.children[0].value, type(clone).__name__)

class Tracked:
    def __init__(self, n):
        self.n = n
    def __copy__(self):
        print("  __copy__")
        return Tracked(self.n)
    def __deepcopy__(self, memo):
        print("  __deepcopy__")
        return Tracked(self.n * 10)
t = Tracked(5)
print(copy.copy(t).n, copy.deepcopy(t).n, copy.copy(42), copy.deepcopy((1, [2])))
