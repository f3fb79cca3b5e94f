# descriptors: non-data (only __get__) lose to the instance dict, data descriptors win; functions are descriptors
class Lazy:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value  # cached: next time the dict wins
        print("computed", self.name)
        return value

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, cls):
        return obj.__dict__.get(self.name) if obj else self
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        obj.__dict__[self.name] = value

class Report:
    count = Typed(int)
    def __init__(self, data):
        self.data = data
    @Lazy
    def total(self):
        return sum(self.data)

r = Report([1, 2, 3])
print(r.total, r.total, r.__dict__)
r.count = 5
print(r.count)
try:
    r.count = "five"
except TypeError as e:
    print("TypeError:", e)
r.__dict__["count"] = "sneaky"
print(r.count)

def f(self):
    return "bound to " + type(self).__name__
bound = f.__get__(r, Report)
print(bound(), bound.__self__ is r, bound.__func__ is f)
Report.f = f
print(r.f(), Report.f is f)
