# async generators: async for over them, chained, asend/athrow/aclose, cleanup in finally, exhaustion
import asyncio

async def ticker(n, delay=0):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i
    print("ticker done")

async def squares(source):
    async for x in source:
        yield x * x

async def with_cleanup():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup runs")

async def main():
    async for t in ticker(3):
        print("tick", t)
    print("skip")
    result = []
    async for v in squares(ticker(4)):
        result.append(v)
    print(result)
    agen = with_cleanup()
    print(await agen.__anext__(), type(agen).__name__, agen.__name__)
    await agen.aclose()
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")
    g = ticker(2)
    print(await g.asend(None), await anext(g) if False else await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    async def echo():
        received = yield "ready"
        while True:
            received = yield f"got {received}"
    e = echo()
    print(await e.asend(None), await e.asend(1), await e.asend("x"))
    try:
        await e.athrow(ValueError("stop"))
    except ValueError as err:
        print("ValueError:", err)
    async def gather_from(gen):
        return [x for x in range(0)]
    print(await gather_from(ticker(1)))

asyncio.run(main())
