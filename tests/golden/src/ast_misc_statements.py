pass; pass
x = 1; y = 2;
if x: pass
while 0: break
for _ in (): continue
class C: x = 1; y = 2
def f(): return; pass
lambda: (yield)
print(*[1], sep="", **{})
print("a", end="")
async def g():
    async with a: pass
    async for b in c: pass
    await d
