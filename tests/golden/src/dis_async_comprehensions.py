async def readings(sensor):
    async for r in sensor:
        yield r

async def summary(sensor, scale):
    values = [r * scale async for r in readings(sensor) if r is not None]
    unique = {round(v) async for v in readings(sensor)}
    table = {i: await scale(i) for i in range(3)}
    lazy = (v + 1 async for v in readings(sensor))
    nested = [(a, b) async for a in readings(sensor) for b in range(a)]
    return values, unique, table, lazy, nested
