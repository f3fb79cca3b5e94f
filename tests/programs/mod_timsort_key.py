# Helpers of 354_timsort_comparisons.py, in their own file so that its
# sys.settrace golden holds the program's lines, not every comparison.
seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n


class Key:
    log = []

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Key.log.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return f"K{self.v}"


def digest(pairs):
    h = 0
    for a, b in pairs:
        h = (h * 1000003 + a * 7919 + b) % 2**61
    return h


class Bomb(Key):
    fuse = 0

    def __lt__(self, other):
        Bomb.fuse -= 1
        if Bomb.fuse == 0:
            raise RuntimeError("boom")
        return self.v < other.v
