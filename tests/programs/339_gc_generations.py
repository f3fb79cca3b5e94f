# Generations: objects that survive a collection move to an older one;
# young objects are examined often, old ones rarely.
import gc

gc.collect()


class Box:
    pass


def generation_of(obj):
    for gen in range(3):
        if any(o is obj for o in gc.get_objects(gen)):
            return gen
    return None


box = Box()
print("new:", generation_of(box))
gc.collect(0)
print("after collect(0):", generation_of(box))
gc.collect(1)
print("after collect(1):", generation_of(box))
gc.collect()
print("after collect():", generation_of(box))

# Collecting generation 0 counts towards generation 1's threshold.
gc.collect()
gc.collect(0)
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())

# A lower threshold makes the collector run sooner, without gc.collect().
freed = []


class Tracked:
    def __init__(self):
        self.me = self

    def __del__(self):
        freed.append(1)


gc.collect()
gc.set_threshold(50)
for i in range(200):
    Tracked()
print("freed automatically:", len(freed) > 0)
gc.set_threshold(700, 10, 10)
gc.collect()
print("all freed:", len(freed))

# freeze: move everything to a permanent generation the collector ignores.
gc.freeze()
print(gc.get_freeze_count() > 0, len(gc.get_objects()) < gc.get_freeze_count())
gc.unfreeze()
print(gc.get_freeze_count())
try:
    gc.get_objects(3)
except ValueError as e:
    print("ValueError:", e)
