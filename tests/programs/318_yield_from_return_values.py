# yield from passes values both ways: the delegating generator gets the subgenerator's return value
def read_block(name):
    total = 0
    while True:
        line = yield
        if line is None:
            return name, total
        total += len(line)

def reader():
    results = []
    for name in ["header", "body"]:
        result = yield from read_block(name)
        results.append(result)
    return results

r = reader()
next(r)
for item in ["ab", "cde", None, "x", "yz", "w"]:
    r.send(item)
try:
    r.send(None)
except StopIteration as stop:
    print("results:", stop.value)

def tree_sum(node):
    value, children = node
    subtotal = value
    for child in children:
        subtotal += yield from tree_sum(child)
    yield f"node {value} subtotal {subtotal}"
    return subtotal
tree = (1, [(2, [(4, [])]), (3, [])])
g = tree_sum(tree)
print(list(g))
