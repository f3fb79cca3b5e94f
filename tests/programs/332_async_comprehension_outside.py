# an async comprehension in a plain function is a SyntaxError
async def agen():
    yield 1

def f():
    return [x async for x in agen()]
