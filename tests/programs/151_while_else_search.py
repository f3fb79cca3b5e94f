target = 7
items = [1, 3, 5, 7, 9]
i = 0
while i < len(items):
    if items[i] == target:
        print("found at", i)
        break
    i += 1
else:
    print("not found")
