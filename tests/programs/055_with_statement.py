class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("acquire", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("release", self.name, exc_type.__name__ if exc_type else None)
        return False
with Resource("a") as r:
    print("using", r.name)
with Resource("x") as x, Resource("y") as y:
    print("both", x.name, y.name)
try:
    with Resource("b"):
        raise ValueError("inside")
except ValueError as e:
    print("propagated:", e)
class Suppress:
    def __enter__(self): return None
    def __exit__(self, *a):
        print("suppressing", a[0].__name__)
        return True
with Suppress():
    1 / 0
print("continued")
def early():
    with Resource("ret"):
        return "returned"
print(early())
