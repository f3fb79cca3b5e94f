# An inventory with dataclasses: defaults, ordering, asdict.
from dataclasses import dataclass, field, asdict


@dataclass(order=True)
class Item:
    price: float
    name: str = field(compare=False)
    quantity: int = field(default=0, compare=False)

    def value(self):
        return self.price * self.quantity


@dataclass
class Inventory:
    items: list = field(default_factory=list)

    def add(self, item):
        self.items.append(item)

    def total(self):
        return sum(item.value() for item in self.items)

    def low_stock(self, limit=3):
        return [item.name for item in self.items if item.quantity < limit]


stock = Inventory()
stock.add(Item(2.5, "pen", 10))
stock.add(Item(12.0, "book", 2))
stock.add(Item(0.5, "clip", 100))
print(stock.total(), stock.low_stock())
print(sorted(stock.items)[0], max(stock.items).name)
print(asdict(stock.items[1]))
print(stock.items[0] == Item(2.5, "other name"))
