# match: literal, singleton and value patterns, wildcard, guards
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case 1j:
            return "imaginary"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case True:
            return "true"  # never reached: True == 1 matched above
        case None:
            return "nothing"
        case n if isinstance(n, int) and n > 100:
            return f"big {n}"
        case _:
            return "other"

for v in [0, 1, 3, -1, 2.5, 1j, "hello", b"raw", True, False, None, 1000, 50, "x", 1.0, 0.0]:
    print(repr(v), "->", describe(v))

# True and False are singletons: compared with `is`
def truthy(x):
    match x:
        case True:
            return "is True"
        case False:
            return "is False"
        case _:
            return "neither"
print(truthy(True), truthy(1), truthy(False), truthy(0))
