# a user container: __getitem__ with ints and slices, __setitem__, __delitem__, __contains__, __len__, __iter__, __reversed__
class Row:
    def __init__(self, *values):
        self._values = list(values)
    def __len__(self):
        return len(self._values)
    def __getitem__(self, key):
        if isinstance(key, slice):
            return Row(*self._values[key])
        if isinstance(key, str):
            raise TypeError(f"Row indices must be integers, not {type(key).__name__}")
        return self._values[key]
    def __setitem__(self, key, value):
        self._values[key] = value
    def __delitem__(self, key):
        del self._values[key]
    def __contains__(self, value):
        print("  __contains__", value)
        return value in self._values
    def __iter__(self):
        return iter(self._values)
    def __reversed__(self):
        return reversed(self._values)
    def __repr__(self):
        return f"Row{tuple(self._values)}"

r = Row(10, 20, 30, 40)
print(len(r), r[0], r[-1], r[1:3], r[::2])
r[1] = 21
del r[0]
print(r, 21 in r, 99 in r, list(reversed(r)), [x * 2 for x in r])
try:
    r["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)

class Squares:
    # only __getitem__: iteration and `in` still work (the old protocol)
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares())

class Grid:
    def __getitem__(self, pos):
        x, y = pos
        return x * 10 + y
g = Grid()
print(g[1, 2], g[3, 4])
