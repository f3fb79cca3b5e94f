import asyncio
class CM:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        return False
class AIt:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 3: raise StopAsyncIteration
        return self.n
async def f(x):
    await asyncio.sleep(0)
    async with CM() as c, CM():
        y = await g(x)
        if y:
            return y
    async for i in AIt():
        if i == 2:
            continue
        if i == 5:
            break
        print(i)
    else:
        print("done")
    for j in range(2):
        async with CM():
            break
    return await g(1)
async def g(x):
    return x * 2
