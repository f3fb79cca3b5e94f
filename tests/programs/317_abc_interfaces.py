# abstract interfaces with abc: abstract properties and classmethods, partial implementations, registration-free checks
from abc import ABC, abstractmethod

class Storage(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @abstractmethod
    def save(self, key, value):
        ...

    @abstractmethod
    def load(self, key):
        ...

    def save_many(self, items):
        for k, v in items.items():
            self.save(k, v)
        return len(items)

class MemoryStorage(Storage):
    def __init__(self):
        self.data = {}
    @property
    def name(self):
        return "memory"
    def save(self, key, value):
        self.data[key] = value
    def load(self, key):
        return self.data[key]

class Broken(Storage):
    def save(self, key, value):
        pass

m = MemoryStorage()
print(m.name, m.save_many({"a": 1, "b": 2}), m.load("b"), isinstance(m, Storage))
try:
    Broken()
except TypeError as e:
    print("TypeError:", e)
print(sorted(Storage.__abstractmethods__), sorted(Broken.__abstractmethods__), MemoryStorage.__abstractmethods__)
