# yield from: recursive tree walks, flattening, and the return value of a subgenerator
class Node:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

def walk(node, depth=0):
    yield depth, node.value
    for child in node.children:
        yield from walk(child, depth + 1)

tree = Node("root", Node("a", Node("a1"), Node("a2")), Node("b", Node("b1", Node("deep"))))
for depth, value in walk(tree):
    print("  " * depth + value)

def flatten(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, (4, 5)]], [], 6])))

def averager():
    total = count = 0
    while True:
        value = yield
        if value is None:
            return total / count if count else 0
        total += value
        count += 1

def collect(results):
    while True:
        avg = yield from averager()
        results.append(avg)

results = []
c = collect(results)
next(c)
for v in [10, 20, 30, None, 5, None]:
    c.send(v)
print(results)

def chain(*its):
    for it in its:
        got = yield from it
        print("  sub returned", got)
print(list(chain([1, 2], "ab", range(2))))
