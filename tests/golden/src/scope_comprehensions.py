def f(data):
    total = [y := v * 2 for v in data]
    return y, total

matrix = [[i * j for j in range(3)] for i in range(3)]
flat = {k: v for k, v in zip("ab", [1, 2]) if v}
gen = (x for x in range(10) if x % 2)
last = [z := n for n in range(3)]

async def g(items):
    return [await x async for x in items]

def h():
    return [lambda: i for i in range(3)]
