def find(items, target):
    for i in items:
        if i == target:
            return i
value = find([1, 2], 5)
print(value.upper())
