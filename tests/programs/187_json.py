import json
data = {"name": "Ada", "langs": ["py", "c"], "age": 36, "pi": 3.14, "ok": True, "none": None, "nested": {"b": 1, "a": [1, 2.5, {}], "e": []}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, "é", "\u2603", "\U0001F600", "tab\there", 'q"uote', "back\\slash"]))
print(json.dumps({"k": "é"}, ensure_ascii=False), json.dumps({1: "int key", True: "b", None: 0}), json.dumps((1, 2)))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps(1e100), json.dumps(-0.0), json.dumps(float("inf")))
back = json.loads(s)
print(back == data, back["nested"]["a"], type(back["pi"]).__name__)
print(json.loads(' [1, -2.5e3, "a\\u00e9\\n", true, null, {"x": []}] '), json.loads('"\\ud83d\\ude00"') == "\U0001F600")
for bad in ['', '[1,', '{"a" 1}', '[1] x', '{a: 1}', '"abc']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"s": {1, 2}}, default=sorted))
