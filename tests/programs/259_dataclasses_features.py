# dataclasses: defaults, field(default_factory), order, frozen, asdict, replace, __post_init__
from dataclasses import dataclass, field, asdict, astuple, replace, fields

@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0

@dataclass(frozen=True)
class Point:
    x: int
    y: int

@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False, repr=False)
    def __post_init__(self):
        self.area = self.w * self.h

a = Item("pen", 1.5)
b = Item("pen", 1.5)
a.tags.append("office")
print(a, a == b, b.tags, asdict(a), astuple(b))
print(sorted([Version(1, 2), Version(0, 9), Version(1)]), Version(1, 2) > Version(1, 1))
p = Point(1, 2)
try:
    p.x = 5
except Exception as e:
    print(type(e).__name__ + ":", e)
print(hash(p) == hash(Point(1, 2)), replace(p, y=7), {p: "ok"}[Point(1, 2)])
r = Rect(2, 3)
print(r, r.area, [f.name for f in fields(Rect)])
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError:", e)
