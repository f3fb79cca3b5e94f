squares = [x * x for x in range(10)]
evens = {x for x in range(10) if x % 2 == 0 if x}
mapping = {k: v for k, v in zip("ab", "cd")}
nested = [(i, j) for i in range(3) for j in range(i) if i != j]
gen = (x for x in squares)
total = sum(x for x in range(5))
pairs = [[y for y in x] for x in [[1], [2]]]
walrus = [y for x in range(3) if (y := x * 2)]
async def f(aiter):
    return {x async for x in aiter}, [await x for x in aiter]
