# Generations: an object that survives a collection moves to an older
# generation, which is examined less often.
import gc


def generation_of(obj):
    for gen in range(3):
        if any(o is obj for o in gc.get_objects(gen)):
            return gen


gc.collect()
config = {"debug": []}            # a long-lived object
print("new object: generation", generation_of(config))
gc.collect(0)                      # a young collection: it survives
print("after one collection: generation", generation_of(config))
gc.collect(1)
print("after another: generation", generation_of(config))
print("thresholds:", gc.get_threshold())
temp = [[] for _ in range(5)]      # young objects come and go
print("young count now:", gc.get_count()[0] >= 5)
