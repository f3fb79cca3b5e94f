# async for outside an async function is a SyntaxError too
async def ok():
    pass

def regular(items):
    async for x in items:
        print(x)
