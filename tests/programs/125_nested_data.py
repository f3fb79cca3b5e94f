inventory = {
    "fruits": {"apple": 3, "pear": 0},
    "tools": {"hammer": 1},
}
inventory["fruits"]["banana"] = 12
for category, items in inventory.items():
    in_stock = [name for name, n in items.items() if n > 0]
    print(category, sorted(in_stock), sum(items.values()))
print(inventory)
copy = {k: dict(v) for k, v in inventory.items()}
copy["tools"]["saw"] = 2
print(len(inventory["tools"]), len(copy["tools"]))
