# A JSON round trip: nested data to text and back.
import json

library = {
    "name": "City Library",
    "books": [
        {"title": "Dune", "year": 1965, "tags": ["sf", "classic"], "loaned": False},
        {"title": "Emma", "year": 1815, "tags": [], "loaned": True},
    ],
    "rating": 4.5,
    "manager": None,
}
text = json.dumps(library, indent=2, sort_keys=True)
print(text)
restored = json.loads(text)
print(restored == library, restored["books"][0]["title"], len(json.dumps(library)))
compact = json.dumps(library, separators=(",", ":"))
print(compact[:60])
for bad in ['{"a": 1,}', "[1, 2"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("error:", e)
