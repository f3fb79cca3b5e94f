async def countdown(n):
    while n > 0:
        yield n
        n -= 1

async def doubled(source):
    async for value in source:
        if value % 2:
            continue
        yield value * 2
    else:
        yield -1

async def pipeline():
    total = 0
    async for x in doubled(countdown(5)):
        total += x
    return total
