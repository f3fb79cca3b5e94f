def simple(): pass
def args(a, b, c=1, *d, e, f=2, **g): return a
def posonly(a, b=2, /, c=3, *, d, e=5): ...
def only_star(*, key): ...
def annotated(x: int, y: "str" = "s", *rest: float, k: bool = True, **kw: dict) -> list[int]:
    return [x]
def defaults(a=[], b={}, c=(), d=None, e=-1, f=lambda: 0): pass
async def coroutine(x):
    await x
    async for i in x:
        pass
    async with x as y, x:
        pass
    return [i async for i in x]
def gen():
    yield
    yield 1
    x = yield 2
    yield from range(3)
    return x
