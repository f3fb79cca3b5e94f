# list.sort is CPython's timsort: the same comparisons, in the same order,
# for runs, galloping merges and powersort's merge order; a comparison that
# raises leaves the list in the same partial order.
from mod_timsort_key import Key, digest, rand

patterns = {
    "random 10": [rand(100) for _ in range(10)],
    "random 70": [rand(1000) for _ in range(70)],
    "random 300": [rand(100000) for _ in range(300)],
    "few distinct 150": [rand(5) for _ in range(150)],
    "ascending 100": list(range(100)),
    "descending 100": list(range(100, 0, -1)),
    "sawtooth 300": [i % 37 for i in range(300)],
    "runs 400": sum(([j * 10 + i for i in range(20)] for j in range(20, 0, -1)), []),
    "ascending + noise 400": [i if rand(10) else rand(400) for i in range(400)],
    "organ pipe 200": list(range(100)) + list(range(100, 0, -1)),
}
for name, values in patterns.items():
    for reverse in (False, True):
        Key.log = []
        keys = [Key(v) for v in values]
        keys.sort(reverse=reverse)
        assert [k.v for k in keys] == sorted(values, reverse=reverse)
        print(f"{name:>22} reverse={reverse!s:5}: {len(Key.log):5} comparisons, digest {digest(Key.log)}")
    # The first comparisons, as a tracer would see them.
    print("   first:", Key.log[:6])

# Stability: equal keys keep their order.
pairs = [(rand(4), i) for i in range(100)]
by_key = sorted(pairs, key=lambda p: Key(p[0]))
print("stable:", all(a[1] < b[1] for a, b in zip(by_key, by_key[1:]) if a[0] == b[0]))


# A comparison that raises part-way: the list holds what the sort had done.
from mod_timsort_key import Bomb

for fuse in (5, 40, 150, 400):
    Bomb.fuse = fuse
    items = [Bomb(rand(50)) for _ in range(90)]
    try:
        items.sort()
    except RuntimeError as e:
        print(f"fuse {fuse}: {e}; now", [b.v for b in items][:30])
    else:
        print(f"fuse {fuse}: sorted without a bang")

# Keys computed once per item, in order; cmp_to_key as functools does it.
from functools import cmp_to_key

calls = []
words = ["pear", "fig", "apple", "kiwi", "banana", "date", "cherry", "plum"]
print(sorted(words, key=lambda w: calls.append(w) or len(w)), calls == words)
print(sorted(words, key=cmp_to_key(lambda a, b: (a > b) - (a < b)), reverse=True))
