# errors around await: not awaitable, bad context managers, exceptions through gather
import asyncio

class NoAwait:
    pass

class BadAwait:
    def __await__(self):
        return 42

class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        return False

async def f():
    return 1

async def attempt(label, coro_fn):
    try:
        print(label, "->", await coro_fn())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

async def await_int():
    return await 5

async def await_plain():
    return await NoAwait()

async def await_bad():
    return await BadAwait()

async def with_sync():
    async with SyncOnly():
        pass

async def for_list():
    async for x in [1, 2]:
        pass

async def await_twice():
    c = f()
    await c
    return await c

async def fails(n):
    await asyncio.sleep(0)
    raise ValueError(f"task {n} failed")

async def gather_error():
    return await asyncio.gather(fails(1), fails(2))

async def main():
    for label, fn in [("int", await_int), ("plain", await_plain), ("bad __await__", await_bad),
                      ("sync with", with_sync), ("async for list", for_list),
                      ("twice", await_twice), ("gather", gather_error)]:
        await attempt(label, fn)
    c = f()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("nested run:", e)
    try:
        asyncio.get_running_loop().run_until_complete(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()

asyncio.run(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)
