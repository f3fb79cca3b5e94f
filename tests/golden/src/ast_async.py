import asyncio
async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()
async def main():
    results = await asyncio.gather(*[fetch(s, u) for u in urls])
    async for item in stream():
        yield item
    return [x async for x in stream() if await check(x)]
asyncio.run(main())
await_ = async_ = 1
