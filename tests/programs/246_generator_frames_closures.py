# generators keep their frame: locals survive between yields, closures see later changes
def make_counter():
    count = 0
    def gen():
        nonlocal count
        while True:
            count += 1
            yield count
    return gen()

a, b = make_counter(), make_counter()
print(next(a), next(a), next(b), next(a))

def accumulate():
    items = []
    while True:
        item = yield list(items)
        items.append(item)
acc = accumulate()
next(acc)
acc.send("x")
print(acc.send("y"), acc.gi_frame is None if False else "frame kept")

gens = [(lambda n: (n * i for i in range(3)))(n) for n in range(3)]
print([list(g) for g in gens])

def method_gen():
    class Box:
        def __init__(self, items):
            self.items = items
        def __iter__(self):
            for i, x in enumerate(self.items):
                yield f"{i}:{x}"
    return Box
Box = method_gen()
print(list(Box("ab")), list(iter(Box([1]))))

def gen_with_default(seq=[]):
    seq.append(len(seq))
    yield from seq
print(list(gen_with_default()), list(gen_with_default()))
