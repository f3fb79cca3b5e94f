# asyncio: coroutines interleave at every await; gather collects results in order
import asyncio

async def count(name, n, delay=0):
    for i in range(1, n + 1):
        print(f"{name}: {i}")
        await asyncio.sleep(delay)
    return f"{name} counted to {n}"

async def main():
    print("start")
    results = await asyncio.gather(count("A", 3), count("B", 2), count("C", 4))
    for r in results:
        print(r)
    # awaiting one after another does not interleave
    print(await count("D", 2))
    print(await count("E", 2))
    # an empty gather and a gather of one
    print(await asyncio.gather())
    print(await asyncio.gather(count("F", 1)))
    return len(results)

print("result:", asyncio.run(main()))
