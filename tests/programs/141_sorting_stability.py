records = [("a", 3), ("b", 1), ("c", 3), ("d", 2), ("e", 1)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name_desc = sorted(records, key=lambda r: r[0], reverse=True)
print(sorted(by_name_desc, key=lambda r: r[1]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
