# match: mapping patterns, **rest, duplicate-free keys, dict subclasses
import collections

def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **mods}:
            return f"key {k!r} with {sorted(mods)}"
        case {"type": t}:
            return f"unknown event {t}"
        case {}:
            return "a mapping without type"
        case _:
            return "not a mapping"

print(handle({"type": "click", "pos": (1, 2)}))
print(handle({"type": "key", "key": "q", "ctrl": True, "alt": False}))
print(handle({"type": "scroll", "pos": (1, 2)}))
print(handle({"x": 1}))
print(handle([("type", "click")]))
print(handle(collections.OrderedDict(type="click", pos=[5, 6])))
print(handle(collections.defaultdict(int, type="key", key="z")))

# the rest is a new dict, the subject is unchanged
config = {"host": "h", "port": 80, "debug": True}
match config:
    case {"host": host, **others}:
        others["added"] = 1
        print(host, others, config)

# missing keys are looked up with get(), so defaultdict does not grow
dd = collections.defaultdict(list)
match dd:
    case {"missing": _}:
        print("found")
    case _:
        print("no key", dict(dd))

class Tracing(dict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)

match Tracing(a=1, b=2):
    case {"a": 1, "c": _}:
        print("no")
    case {"b": b, "a": a}:
        print("yes", a, b)
