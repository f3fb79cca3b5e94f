from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
@dataclass
class Item:
    name: str
    price: float
    qty: int = 0
    tags: list = field(default_factory=list)
    def total(self):
        return self.price * self.qty
a = Item("pen", 1.5, 4)
b = Item("pen", 1.5, 4)
print(a, a == b, a.total(), a.tags, Item("x", 2.0) != a)
print(asdict(a), astuple(a), replace(a, qty=10), [f.name for f in fields(Item)])
try:
    Item("only")
except TypeError as e:
    print("TypeError:", e)
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(2, 1), Version(1, 5), Version(2)]), Version(1) < Version(1, 1), hash(Version(1)) == hash(Version(1)))
v = Version(3)
try:
    v.major = 4
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
@dataclass
class Point:
    x: int
    y: int
    def __post_init__(self):
        self.dist = abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.dist, Point.__match_args__, Point.__hash__)
@dataclass
class Base:
    a: int = 1
@dataclass
class Child(Base):
    b: int = 2
print(Child(), Child(5, 6), Child(b=9))
try:
    @dataclass
    class Bad:
        xs: list = []
except ValueError as e:
    print("ValueError:", e)
