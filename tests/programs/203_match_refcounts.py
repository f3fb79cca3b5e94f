# match: values and attribute tuples are released (no leaks on success, failure or error)
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class E: pass
for v in [P(1, 2), {"a": 1, "b": [2]}, [1, 2, 3], E(), 5, "s"]:
    match v:
        case P(a, y=b): print(a, b)
        case {"a": 1, **rest}: print(rest)
        case {"zz": 1}: print(1)
        case [x, *_, y]: print(x, y)
        case E(foo=1): pass
        case int(n): print(n)
        case _: pass
try:
    match P(1, 2):
        case P(1, 2, 3): pass
except TypeError as e: print(e)
try:
    match {"a": 1}:
        case {"a": 1, "b": 2}: pass
except TypeError as e: print(e)
print(eval("1 + 2"))
exec("z = 5")
