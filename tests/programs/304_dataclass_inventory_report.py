# dataclasses in a small program: inventory records, sorting by fields, grouping and a summary table
from dataclasses import dataclass, field, asdict
from collections import defaultdict

@dataclass(order=True)
class Item:
    category: str
    name: str
    qty: int = 0
    price: float = 0.0
    tags: list = field(default_factory=list, compare=False)

    @property
    def value(self):
        return self.qty * self.price

items = [
    Item("tools", "hammer", 3, 12.5, ["steel"]),
    Item("food", "rice", 10, 1.2),
    Item("tools", "saw", 1, 25.0),
    Item("food", "beans", 0, 0.9, ["canned"]),
    Item("toys", "yoyo", 7, 2.0),
]
for it in sorted(items):
    print(f"{it.category:<6} {it.name:<7} {it.qty:>3} x {it.price:>6.2f} = {it.value:>7.2f}")
by_cat = defaultdict(list)
for it in items:
    by_cat[it.category].append(it)
for cat, group in sorted(by_cat.items()):
    print(cat, len(group), round(sum(i.value for i in group), 2), [i.name for i in group if i.qty == 0])
print(max(items, key=lambda i: i.value).name, asdict(items[0]), items[1] < items[0])
