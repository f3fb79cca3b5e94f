# asyncio.gather returns results in argument order even when tasks finish in another order
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"finished {name}")
    return f"{name}:{delay}"

async def main():
    results = await asyncio.gather(fetch("slow", 0.03), fetch("fast", 0.0), fetch("medium", 0.01))
    print(results)
    done_order = []
    async def track(name, delay):
        r = await fetch(name, delay)
        done_order.append(r)
    await asyncio.gather(*(track(n, d) for n, d in [("x", 0.02), ("y", 0.0), ("z", 0.01)]))
    print(done_order)

asyncio.run(main())
