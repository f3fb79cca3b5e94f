# await is only allowed inside async def: a SyntaxError when the file is compiled
import asyncio

def not_async():
    await asyncio.sleep(1)

print("never printed")
