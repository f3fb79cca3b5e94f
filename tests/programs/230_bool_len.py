# truth testing: __bool__, then __len__, then always true; errors from bad results
class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("  __bool__ called")
        return self.on
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
class Plain:
    pass

for obj in [Empty(), Full(), Flag(True), Flag(False), Both(), Plain()]:
    print(type(obj).__name__, bool(obj), "yes" if obj else "no", len(obj) if hasattr(obj, "__len__") else "-")
print(not Empty(), Full() and "and-result", Empty() or "or-result")

class BadBool:
    def __bool__(self):
        return 1
class BadLen:
    def __len__(self):
        return -1
class BigLen:
    def __len__(self):
        return "3"
for obj in [BadBool(), BadLen(), BigLen()]:
    try:
        print(bool(obj))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    len(Plain())
except TypeError as e:
    print("TypeError:", e)
print(len(BigLen.__len__(BigLen())) if False else "done")
