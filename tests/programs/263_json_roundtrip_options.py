# json: dumps options (indent, sort_keys, separators, ensure_ascii), loads of every type, errors
import json

doc = {"name": "Zoë", "tags": ["a", "b"], "score": 9.5, "ok": True, "none": None, "n": 3, "nested": {"z": 1, "a": [1.0, 2]}}
print(json.dumps(doc))
print(json.dumps(doc, sort_keys=True, indent=2))
print(json.dumps(doc, separators=(",", ":"), ensure_ascii=False))
text = '{"a": [1, 2.5, "x", null, true, false], "b": {"c": "\\u00e9\\n"}, "e": 1e3, "neg": -0.5}'
obj = json.loads(text)
print(obj, type(obj["e"]).__name__, obj["b"]["c"])
print(json.loads("[]"), json.loads('"s"'), json.loads("  42 "), json.dumps("tab\there"), json.dumps([1, (2, 3)]))
for bad in ['{"a": 1,}', "[1, 2", "{'a': 1}", "", "nul"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({1: "int key", 2.5: "float", True: "bool", None: "none"}))
print(json.loads(json.dumps(doc)) == doc)
