# __del__ on a cycle: the collector runs each finalizer once, then breaks
# the cycle. A finalizer may even save its object (it is not freed then).
import gc


class Resource:
    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        print("closing", self.name)


gc.collect()
r1 = Resource("file")
r2 = Resource("socket")
r1.partner, r2.partner = r2, r1
del r1, r2
print("before the collection")
print("collected:", gc.collect())

survivors = []


class Phoenix:
    def __del__(self):
        print("Phoenix: saving myself")
        survivors.append(self)


p = Phoenix()
p.me = p
del p
print("collected:", gc.collect(), "- saved:", len(survivors))
print("finalized already:", gc.is_finalized(survivors[0]))
