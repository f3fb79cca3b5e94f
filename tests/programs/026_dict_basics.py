d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], d.get("four"), d.get("four", 4), "one" in d, 1 in d)
print(list(d.keys()), list(d.values()), list(d.items()))
d.update({"four": 4}, five=5)
print(d)
print(d.pop("one"), d.pop("zzz", None), d.setdefault("six", 6), d.setdefault("two", 99))
print(d.popitem(), d)
del d["two"]
print(d, dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict.fromkeys("ab", 0))
for k, v in d.items():
    print(k, "->", v)
print({1: "a", True: "b", 1.0: "c"}, {(1, 2): "tuple key"}[(1, 2)])
