# ValueError, IndexError, KeyError, ZeroDivisionError and OverflowError messages
cases = [
    lambda: int("12a"),
    lambda: float("x.5"),
    lambda: [1, 2].index(3),
    lambda: "abc".index("z"),
    lambda: [][0],
    lambda: "ab"[5],
    lambda: {"a": 1}["b"],
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 2.0 ** 10000,
    lambda: list(range(3)).remove(7),
    lambda: set().pop(),
    lambda: {}.popitem(),
    lambda: "a,b".split(""),
    lambda: chr(-1),
    lambda: int("99", 8),
    lambda: round(1.5, "x"),
]
for case in cases:
    try:
        case()
    except Exception as e:
        print(type(e).__name__ + ":", e)
