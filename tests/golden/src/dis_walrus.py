import re
def f(data):
    if (n := len(data)) > 3:
        print(f"long list ({n})")
    while (chunk := data[:2]):
        data = data[2:]
        print(chunk)
    return [y for x in range(5) if (y := x * x) > 4], y
print(f([1, 2, 3, 4, 5]))
if m := re.match(r"(\d+)", "42abc"):
    print(m.group(1))
total = 0
values = [(total := total + v) for v in [1, 2, 3]]
print(values, total)
def g():
    [z := 1 for _ in range(1)]
    return z
print(g())
