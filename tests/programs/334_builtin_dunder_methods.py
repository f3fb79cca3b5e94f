# built-in types' dunder methods: super().__setitem__ in a dict subclass, list.__len__, int.__add__, dir() of built-ins
class D(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
d = D()
d["A"] = 1
print(d["a"], d)
class L(list):
    def __len__(self):
        return super().__len__() * 10
    def __contains__(self, x):
        return super().__contains__(x) or x == "any"
l = L([1, 2])
print(len(l), "any" in l, 1 in l, 5 in l)
print(int.__add__(2, 3), list.__len__([1, 2, 3]), str.__len__("ab"), (5).__mul__(2), "a".__add__("b"), [1].__getitem__(0))
print(dict.__contains__({1: 2}, 1), tuple.__len__((1,)), set.__contains__({1}, 1), (3).__eq__(3), (3).__lt__(4))
print(list(reversed([1,2,3])), list(reversed({1:1,2:2})), list([1,2].__reversed__()))
class R(list):
    def __reversed__(self):
        return iter(["custom"] + list(super().__reversed__()))
print(list(reversed(R([1, 2]))))
for obj in [[], {}, (), "", 1, 1.5, set(), b""]:
    names = [n for n in dir(obj) if n.startswith("__") and n not in ("__doc__", "__class_getitem__", "__getnewargs__", "__reduce__", "__reduce_ex__", "__sizeof__", "__subclasshook__", "__init_subclass__", "__dir__", "__getstate__", "__format__", "__new__", "__init__", "__getattribute__", "__setattr__", "__delattr__", "__class__", "__repr__", "__str__", "__hash__", "__bool__", "__float__", "__int__", "__index__", "__trunc__", "__floor__", "__ceil__", "__round__", "__getformat__", "__divmod__", "__rdivmod__", "__bytes__", "__complex__")]
    print(type(obj).__name__, names)
