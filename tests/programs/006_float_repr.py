vals = [0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789.0, 1e-5, 0.0001, 1e22, 1.5e300, 5e-324, -0.0, 100.0, 3.0e10]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e500"), float("  3.25 "), float("-1_000.5"))
