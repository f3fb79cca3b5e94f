# __del__ runs when the last reference goes: del, rebinding, leaving a function, end of a list
class Tracked:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("destroy", self.name)

a = Tracked("a")
b = a
del a
print("a deleted, b still refers")
b = None
print("b rebound")

def scope():
    t = Tracked("local")
    print("leaving scope")
scope()
print("after scope")

items = [Tracked(f"item{i}") for i in range(3)]
items.pop(1)
print("popped")
items.clear()
print("cleared")

x = Tracked("x")
x = Tracked("y")
print("rebound x")

class Holder:
    def __init__(self, child):
        self.child = child
    def __del__(self):
        print("holder goes first, then its child")
h = Holder(Tracked("child"))
del h
print("end")
last = Tracked("last")
