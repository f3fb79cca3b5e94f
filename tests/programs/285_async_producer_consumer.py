# asyncio: several producers and consumers sharing a bounded queue, then an orderly shutdown
import asyncio

async def producer(name, q, items):
    for item in items:
        await q.put(f"{name}:{item}")
        print(f"{name} produced {item} (size {q.qsize()})")
    print(f"{name} done")

async def consumer(name, q, log):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            print(f"{name} stops")
            return len([x for x in log if x[0] == name])
        await asyncio.sleep(0)
        log.append((name, item))
        print(f"{name} consumed {item}")
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    log = []
    consumers = [asyncio.create_task(consumer(f"c{i}", q, log)) for i in range(2)]
    await asyncio.gather(producer("p1", q, range(3)), producer("p2", q, "ab"))
    await q.join()
    for _ in consumers:
        await q.put(None)
    counts = await asyncio.gather(*consumers)
    print("per consumer:", counts, "total:", len(log))

asyncio.run(main())
