# with: __enter__/__exit__ order, multiple items, exceptions suppressed or propagated, return inside with
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Resource("a") as a, Resource("b") as b:
    print("body", a.name, b.name)

with Resource("outer", suppress=True):
    with Resource("inner"):
        raise KeyError("k")
    print("not reached")
print("after suppress")

try:
    with Resource("c"):
        1 / 0
except ZeroDivisionError as e:
    print("propagated:", e)

def early():
    with Resource("r"):
        return "returned"
print(early())

for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)

class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)
