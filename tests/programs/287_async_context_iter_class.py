# an async resource manager and an async iterator working together: a paginated "API"
import asyncio

class Session:
    def __init__(self):
        self.open = False
        self.requests = 0
    async def __aenter__(self):
        await asyncio.sleep(0)
        self.open = True
        print("session opened")
        return self
    async def __aexit__(self, *exc):
        self.open = False
        print(f"session closed after {self.requests} requests")
    async def fetch(self, page):
        assert self.open, "session is closed"
        self.requests += 1
        await asyncio.sleep(0)
        data = list(range(page * 3, page * 3 + 3))
        return data if page < 3 else []

class Pages:
    def __init__(self, session):
        self.session = session
        self.page = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        data = await self.session.fetch(self.page)
        if not data:
            raise StopAsyncIteration
        self.page += 1
        return data

async def main():
    total = []
    async with Session() as s:
        async for page in Pages(s):
            print("page", page)
            total.extend(page)
    print(sum(total), s.open)
    try:
        await s.fetch(0)
    except AssertionError as e:
        print("AssertionError:", e)

asyncio.run(main())
