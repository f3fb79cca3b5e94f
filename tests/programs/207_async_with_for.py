# async with and async for: __aenter__/__aexit__ and __aiter__/__anext__ are awaited
import asyncio

class Connection:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("open", self.name)
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError  # swallow KeyError only

class Countdown:
    def __init__(self, start):
        self.current = start
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.current -= 1
        return self.current + 1

async def main():
    async with Connection("db") as conn:
        print("using", conn.name)
    async with Connection("a") as a, Connection("b") as b:
        print("both", a.name, b.name)
    async with Connection("k"):
        raise KeyError("swallowed")
    try:
        async with Connection("v"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    async for n in Countdown(3):
        print("tick", n)
    else:
        print("liftoff")
    async for n in Countdown(5):
        if n == 4:
            continue
        if n == 2:
            break
        print("n =", n)
    for i in range(3):
        async with Connection(f"loop{i}"):
            if i == 1:
                break
    return "ok"

print(asyncio.run(main()))
