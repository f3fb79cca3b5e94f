# asyncio.Event and Lock coordinating workers: a start signal, a shared counter and a finish barrier
import asyncio

async def worker(i, start, lock, shared, done):
    await start.wait()
    for _ in range(3):
        async with lock:
            current = shared["count"]
            await asyncio.sleep(0)
            shared["count"] = current + 1
    print(f"worker {i} done at count {shared['count']}")
    done[i].set()

async def main():
    start, lock = asyncio.Event(), asyncio.Lock()
    shared = {"count": 0}
    done = [asyncio.Event() for _ in range(3)]
    tasks = [asyncio.create_task(worker(i, start, lock, shared, done)) for i in range(3)]
    await asyncio.sleep(0)
    print("all waiting:", not any(e.is_set() for e in done))
    start.set()
    for e in done:
        await e.wait()
    await asyncio.gather(*tasks)
    print("final", shared["count"])

asyncio.run(main())
