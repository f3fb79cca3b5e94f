# asyncio Queue (producer/consumer), Lock, Event and Semaphore
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, "size", q.qsize())
    await q.put(None)

async def consumer(q, name, results):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        print(name, "got", item)
        results.append(item * item)

async def critical(lock, name, shared):
    async with lock:
        value = shared["n"]
        await asyncio.sleep(0)
        shared["n"] = value + 1
        print(name, "wrote", shared["n"], "locked:", lock.locked())

async def limited(sem, name):
    async with sem:
        print(name, "enters")
        await asyncio.sleep(0)
        print(name, "leaves")

async def main():
    q = asyncio.Queue(maxsize=2)
    results = []
    await asyncio.gather(producer(q, 5), consumer(q, "c1", results))
    print(results, q.empty())
    await q.join()

    lock = asyncio.Lock()
    shared = {"n": 0}
    await asyncio.gather(*(critical(lock, f"t{i}", shared) for i in range(3)))
    print("final", shared["n"], lock.locked())

    ready = asyncio.Event()
    async def wait_for_ready(name):
        print(name, "waits")
        await ready.wait()
        print(name, "proceeds")
    waiters = [asyncio.create_task(wait_for_ready(f"w{i}")) for i in range(2)]
    await asyncio.sleep(0)
    print("setting", ready.is_set())
    ready.set()
    await asyncio.gather(*waiters)

    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(sem, f"s{i}") for i in range(4)))

    empty = asyncio.Queue()
    try:
        empty.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    full = asyncio.Queue(1)
    full.put_nowait("x")
    try:
        full.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
