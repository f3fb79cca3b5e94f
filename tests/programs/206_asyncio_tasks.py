# asyncio: tasks start when the running task yields; timers order wake-ups; cancellation
import asyncio

async def job(name, delay, log):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} end")
    return name

async def sleeper():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print("sleeper was cancelled")
        raise
    finally:
        print("sleeper cleans up")

async def main():
    log = []
    t1 = asyncio.create_task(job("slow", 0.03, log))
    t2 = asyncio.create_task(job("fast", 0.01, log), name="quick")
    print("created", t1.get_name(), t2.get_name(), t1.done())
    log.append("main continues")
    done = await t2
    print("awaited", done, "while t1 done:", t1.done())
    print(await t1)
    print(log)
    print(t1.result(), t1.cancelled(), t1.exception())

    s = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("cancel returns", s.cancel())
    try:
        await s
    except asyncio.CancelledError:
        print("main saw CancelledError; cancelled() =", s.cancelled())
    print("cancel again:", s.cancel())

    print(asyncio.current_task().get_name())
    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    print(await asyncio.wait_for(job("quick", 0, log), timeout=1))

    t3 = asyncio.create_task(job("w1", 0.01, log))
    t4 = asyncio.create_task(job("w2", 0.05, log))
    done, pending = await asyncio.wait({t3, t4}, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    await t4

asyncio.run(main())
try:
    asyncio.run(asyncio.sleep)
except ValueError as e:
    print("ValueError:", str(e).split(" at ")[0])
