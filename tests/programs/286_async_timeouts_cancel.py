# asyncio: timeouts with wait_for, cancelling a group of tasks, cleanup in finally
import asyncio

async def slow_op(name, delay):
    try:
        print(f"{name} starts")
        await asyncio.sleep(delay)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    finally:
        print(f"{name} cleanup")

async def main():
    try:
        await asyncio.wait_for(slow_op("report", 5), timeout=0.01)
    except asyncio.TimeoutError:
        print("report timed out")
    print(await asyncio.wait_for(slow_op("quick", 0), timeout=1))
    tasks = [asyncio.create_task(slow_op(f"t{i}", 10)) for i in range(3)]
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results], [t.cancelled() for t in tasks])
    t = asyncio.create_task(slow_op("late", 0))
    await t
    print(t.cancel(), t.result())

asyncio.run(main())
