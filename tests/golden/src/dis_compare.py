# Chained comparisons, as values and as conditions.
def f(x, lo, hi):
    ok = lo < x < hi
    if 0 <= x < 10:
        return 1
    if not (a < b <= c):
        return 2
    while lo < x <= hi != 3:
        x -= 1
    y = a == b in [1, 2]
    return ok
