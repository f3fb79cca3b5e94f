# Finalizers (__del__) on cycles: when they run, in what order, and an
# object brought back to life by its own __del__ (PEP 442).
import gc

gc.collect()


class Part:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print("__del__", self.name, "peer:", self.peer.name if self.peer else None)


a, b, c = Part("a"), Part("b"), Part("c")
a.peer, b.peer, c.peer = b, c, a            # a -> b -> c -> a
del a, b, c
print("before collect")
print("collected:", gc.collect())

# A __del__ that saves its object: it survives the collection, and its
# __del__ never runs again.
saved = []


class Phoenix:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("Phoenix.__del__ runs")
        saved.append(self)


Phoenix()
print("collected:", gc.collect())
print("saved:", len(saved), gc.is_finalized(saved[0]))
saved.clear()
print("collected again:", gc.collect())

# A generator suspended inside try/finally, caught in a cycle: the
# collector closes it, so its finally block runs.
def worker(box):
    try:
        yield 1
        yield 2
    finally:
        print("worker: finally runs")


box = []
g = worker(box)
box.append(g)
next(g)
del g, box
print("collected:", gc.collect())

# gc.callbacks: told when each collection starts and stops.
def watch(phase, info):
    print("callback:", phase, info["generation"], info["collected"], info["uncollectable"])


gc.callbacks.append(watch)
loop = []
loop.append(loop)
del loop
gc.collect()
gc.callbacks.remove(watch)

# DEBUG_SAVEALL keeps what was found in gc.garbage instead of freeing it.
gc.set_debug(gc.DEBUG_SAVEALL)
pair = [[], []]
pair[0].append(pair[1])
pair[1].append(pair[0])
del pair
print("found:", gc.collect())
print(len(gc.garbage), [type(x).__name__ for x in gc.garbage])
gc.set_debug(0)
gc.garbage.clear()
print(gc.get_debug(), gc.collect())

# Flags of the gc module.
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
