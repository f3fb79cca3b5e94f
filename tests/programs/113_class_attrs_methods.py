class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.count = 0
    @classmethod
    def create(cls):
        return cls()
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def double(self):
        return self.count * 2
    @double.setter
    def double(self, v):
        self.count = v // 2
c = Counter.create()
c2 = Counter()
c.count = 5
print(Counter.instances, c.double, Counter.helper(4), c.helper(5))
c.double = 20
print(c.count)
try:
    del c.double
except AttributeError as e:
    print("AttributeError:", e)
