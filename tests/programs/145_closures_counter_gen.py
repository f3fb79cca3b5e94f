def make_acc():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = make_acc()
print(acc(1), acc(2), acc(10))
def make_ops():
    ops = {}
    for name, f in [("double", lambda x: x * 2), ("neg", lambda x: -x)]:
        ops[name] = f
    return ops
ops = make_ops()
print(ops["double"](4), ops["neg"](4), sorted(ops))
