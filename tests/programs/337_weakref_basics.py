# Weak references: a reference that does not keep its object alive.
import gc
import weakref


class Photo:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Photo({self.name!r})"


p = Photo("cat")
r = weakref.ref(p)
print(r() is p, weakref.getweakrefcount(p), weakref.ref(p) is r)
print(repr(r).split(";")[1].split(" at ")[0])
del p                            # the last strong reference: freed at once
print(r(), repr(r).split(";")[1])

# A callback is told when its object goes.
def gone(wr):
    print("callback: gone", wr() is None)


q = Photo("dog")
r2 = weakref.ref(q, gone)
print(r2.__callback__ is gone)
q = None
print("after q = None")

# In a cycle, the object goes only when the collector runs.
gc.collect()
x = Photo("x")
x.me = x
rx = weakref.ref(x, lambda wr: print("cycle callback"))
del x
print("still there:", rx() is not None)
print("collected:", gc.collect())
print("now:", rx())

# A cache that does not keep its photos alive.
cache = weakref.WeakValueDictionary()
a, b = Photo("a"), Photo("b")
cache["a"] = a
cache["b"] = b
print(sorted(cache.keys()), len(cache), "a" in cache)
del a
print(sorted(cache.keys()), len(cache), "a" in cache, cache.get("a", "missing"))
print(cache["b"])
try:
    cache["a"]
except KeyError as e:
    print("KeyError:", e)

# Extra data about objects, without keeping them.
notes = weakref.WeakKeyDictionary()
c = Photo("c")
notes[c] = "blurry"
print(notes[c], len(notes), c in notes)
del c
print(len(notes))

s = weakref.WeakSet()
d, e = Photo("d"), Photo("e")
s.add(d)
s.add(e)
print(len(s), d in s)
del d
print(len(s), sorted(p.name for p in s))

# Not everything can be weakly referenced.
for thing in (1, "text", [1], {}, (1,)):
    try:
        weakref.ref(thing)
    except TypeError as err:
        print("TypeError:", err)


def f():
    pass


print(weakref.ref(f)() is f, weakref.ref(Photo)() is Photo, weakref.ref(len)() is len)

# finalize: a function called when the object dies.
f1 = weakref.finalize(e, print, "finalize: e is gone", "!")
print(f1.alive, f1.peek()[1] is print)
del e
print(f1.alive)

g = Photo("g")
f2 = weakref.finalize(g, lambda: "called early")
print(f2(), f2.alive, f2())
f3 = weakref.finalize(g, print, "never")
print(f3.detach()[0] is g, f3.alive)
del g
print("done")
