# random with a seed gives CPython's exact sequence: random, randint, choice, shuffle, sample, uniform, gauss
import random

random.seed(1)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.choice("abcdef"), random.sample(range(100), 5), round(random.uniform(1, 2), 12))
print(round(random.gauss(0, 1), 12), random.randrange(0, 100, 5), random.getrandbits(20))
random.seed(3.5)
print(random.random())
random.seed(12345)
print(random.choices(["a", "b", "c"], weights=[5, 1, 1], k=8))
r = random.Random(7)
print(r.randint(0, 10 ** 12), r.random())
state = r.getstate()
a = r.random()
r.setstate(state)
print(a == r.random())
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError:", e)
