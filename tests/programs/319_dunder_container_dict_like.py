# a dict-like class via __getitem__/__setitem__/__delitem__/__iter__/__len__, with case-insensitive keys
class CaseInsensitiveDict:
    def __init__(self, **items):
        self._data = {}
        for k, v in items.items():
            self[k] = v
    def __setitem__(self, key, value):
        self._data[key.lower()] = (key, value)
    def __getitem__(self, key):
        return self._data[key.lower()][1]
    def __delitem__(self, key):
        del self._data[key.lower()]
    def __contains__(self, key):
        return key.lower() in self._data
    def __iter__(self):
        return (original for original, _ in self._data.values())
    def __len__(self):
        return len(self._data)
    def __eq__(self, other):
        return dict(self.items()) == dict(other.items())
    def items(self):
        return [(k, v) for k, v in self._data.values()]
    def __repr__(self):
        return f"CaseInsensitiveDict({dict(self.items())})"

h = CaseInsensitiveDict(ContentType="json", Accept="*/*")
h["content-type"] = "html"
print(h, h["CONTENTTYPE"], "accept" in h, len(h), list(h))
del h["ACCEPT"]
print(h, h == CaseInsensitiveDict(contenttype="html"))
try:
    h["missing"]
except KeyError as e:
    print("KeyError:", e)
