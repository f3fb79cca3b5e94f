# match: sequence patterns with captures, stars and nesting
def shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long, starts {first}, {len(rest)} more"
        case [first, *middle, last]:
            return f"first {first}, middle {middle}, last {last}"

for s in [[], [1], (1, 2), [1, 2, 3], range(6), (9, 8, 7, 6)]:
    print(shape(s))

# strings, bytes and dicts are not sequences for match
for s in ["ab", b"ab", {1: 2, 3: 4}]:
    match s:
        case [a, b]:
            print("sequence", a, b)
        case _:
            print("not a sequence:", type(s).__name__)

# nested patterns
points = [(0, 0), (3, 0), (0, 4), (2, 5), ((1, 2), (3, 4))]
for p in points:
    match p:
        case (0, 0):
            print("origin")
        case (x, 0):
            print("on x axis at", x)
        case (0, y):
            print("on y axis at", y)
        case ((x1, y1), (x2, y2)):
            print("segment", x1, y1, x2, y2)
        case (x, y):
            print("point", x, y)

# [first, *_, last] indexes instead of unpacking
match list(range(10)):
    case [a, b, *_, z]:
        print(a, b, z)
match [1, 2, 3]:
    case [*_, last]:
        print("last", last)
match (1, 2):
    case [*everything]:
        print(everything, type(everything).__name__)
