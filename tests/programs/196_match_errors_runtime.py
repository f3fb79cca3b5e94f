# match: run-time errors raised by class patterns
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class BadArgs:
    __match_args__ = ["x"]

class BadName:
    __match_args__ = (1,)

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

def too_many():
    match P(1, 2):
        case P(a, b, c):
            return a, b, c

def repeated():
    match P(1, 2):
        case P(a, x=b):
            return a, b

def builtin_too_many():
    match 5:
        case int(a, b):
            return a

def not_a_tuple():
    match BadArgs():
        case BadArgs(a):
            return a

def not_strings():
    match BadName():
        case BadName(a):
            return a

class NotAType:
    f = 3

def not_a_type():
    match 1:
        case NotAType.f():
            return "?"

def duplicate_runtime_keys():
    k = "a"
    class K:
        key = "a"
    match {"a": 1}:
        case {K.key: 1, "a": 1}:
            return "matched"

for name, f in [("too_many", too_many), ("repeated", repeated), ("builtin", builtin_too_many),
                ("tuple", not_a_tuple), ("strings", not_strings), ("type", not_a_type),
                ("keys", duplicate_runtime_keys)]:
    attempt(name, f)

# when no case matches, nothing happens
match 99:
    case 1:
        print("one")
print("done")
