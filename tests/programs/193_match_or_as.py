# match: or-patterns binding the same names in different orders, as-patterns
def parse(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return ("move", direction)
        case ["go", _]:
            return ("error", "unknown direction")
        case ["pick", "up", item] | ["take", item]:
            return ("take", item)
        case ["drop", *items] if items:
            return ("drop", items)
        case ["look" | "l"]:
            return ("look",)
        case ["quit" | "exit" | "q"] as words:
            return ("quit", words)
        case [verb, *_]:
            return ("unknown", verb)
        case []:
            return ("nothing",)

for c in ["go north", "go up", "pick up lamp", "take sword", "drop a b c", "drop",
          "look", "l", "q", "dance wildly", ""]:
    print(repr(c), parse(c))

# alternatives that capture in different orders
def swap_pairs(p):
    match p:
        case ("a", x, y) | ("b", y, x):
            return x, y
print(swap_pairs(("a", 1, 2)), swap_pairs(("b", 1, 2)), swap_pairs(("c", 1, 2)))

def pairs(v):
    match v:
        case [(1 | 2) as small, (3 | 4) as big] | [(3 | 4) as big, (1 | 2) as small]:
            return small, big
        case _:
            return None
print(pairs([1, 4]), pairs([3, 2]), pairs([5, 5]))

# a capture pattern on its own takes anything
match {"any": "thing"}:
    case everything:
        print("captured", everything)
print(everything)
