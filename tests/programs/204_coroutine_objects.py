# coroutine objects: created by calling async def, driven by send(); never awaited -> RuntimeWarning
async def f():
    return 1
def main():
    f()
    print("after")
main()
c = f()
print(c.__name__, c.__qualname__, type(c).__name__, c.cr_running, c.cr_suspended, c.cr_await)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
try:
    for x in f(): pass
except TypeError as e:
    print(e)
x = f()
del x
print("end")

# driving a coroutine by hand, as an event loop does
class Ready:
    def __await__(self):
        value = yield "waiting"
        return value * 2

async def inner():
    got = await Ready()
    return got + 1

async def outer():
    a = await inner()
    b = await inner()
    return a, b

coro = outer()
print(coro.send(None))
print(coro.cr_suspended, type(coro.cr_await).__name__)
print(coro.send(10))
try:
    coro.send(20)
except StopIteration as stop:
    print("finished with", stop.value)

# throw() and close() reach the awaiting code
async def guarded():
    try:
        await Ready()
    except KeyError as e:
        print("caught inside:", e)
        return "recovered"
    finally:
        print("finally runs")

c = guarded()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as stop:
    print(stop.value)
c = guarded()
c.send(None)
c.close()
print(c.cr_suspended)
w = outer().__await__()
print(type(w).__name__, next(w))
w.close()
