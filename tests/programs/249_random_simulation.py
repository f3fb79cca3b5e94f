# a seeded simulation: dice statistics and a random walk, reproducible run to run
import random
from collections import Counter

rng = random.Random(2024)
rolls = [rng.randint(1, 6) + rng.randint(1, 6) for _ in range(1000)]
counts = Counter(rolls)
for total in range(2, 13):
    print(f"{total:2} {'*' * (counts[total] // 10)} {counts[total]}")

position, path = 0, []
for _ in range(20):
    position += rng.choice([-1, 1])
    path.append(position)
print(path, max(path), min(path))
names = ["ann", "bob", "cy", "dee"]
rng.shuffle(names)
print(names, rng.sample(names, 2), round(rng.random(), 6))
print(round(rng.triangular(0, 10, 3), 9), round(rng.betavariate(2, 3), 9), round(rng.expovariate(1.5), 9))
