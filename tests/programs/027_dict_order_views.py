d = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    d[w] = d.get(w, 0) + 1
print(d)
keys = d.keys()
d["new"] = 1
print(keys, len(keys), "new" in keys)
del d["the"]
d["the"] = 0
print(list(d)[-2:], d.values(), list(d.items())[:2])
print(dict(sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))))
print({**{"a": 1}, **{"b": 2, "a": 3}}, {"a": 1} | {"b": 2})
e = {"x": [1]}
f = e.copy()
f["x"].append(2)
print(e, f == e, f is e)
