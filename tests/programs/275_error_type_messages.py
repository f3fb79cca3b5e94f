# TypeError messages for common mistakes, caught and printed
cases = [
    lambda: "age: " + 5,
    lambda: 5 + "5",
    lambda: len(5),
    lambda: [1, 2] * 2.5,
    lambda: None(),
    lambda: {}[[1]],
    lambda: sorted([1, "a"]),
    lambda: int([1]),
    lambda: "abc"[1.5],
    lambda: sum(["a", "b"]),
    lambda: max(),
    lambda: abs("x"),
    lambda: divmod(1, "2"),
    lambda: "{} {}".format(1),
    lambda: print(sep=1),
]
for case in cases:
    try:
        case()
    except Exception as e:
        print(type(e).__name__ + ":", e)
