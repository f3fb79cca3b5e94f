# send(), throw() and close(): exceptions raised at the yield, finally blocks, GeneratorExit
def worker():
    print("  setup")
    try:
        while True:
            try:
                job = yield
                print("  doing", job)
            except ValueError as e:
                print("  recovered from", e)
                yield "after error"
    finally:
        print("  cleanup")

w = worker()
next(w)
w.send("job1")
print(w.throw(ValueError("bad input")))
next(w)
w.send("job2")
w.close()
print("closed:", w.gi_suspended)
w.close()

def tidy():
    # Catching GeneratorExit to clean up, then returning, is allowed.
    try:
        yield "open"
    except GeneratorExit:
        print("  closing tidily")
        return "ignored by close()"
t = tidy()
print(next(t), t.close(), t.gi_suspended)

def unhandled():
    yield 1
u = unhandled()
next(u)
try:
    u.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated:", e)
print(next(u, "finished"))

def not_started():
    print("never printed")
    yield
n = not_started()
n.close()
try:
    n.throw(RuntimeError("early"))
except RuntimeError as e:
    print("RuntimeError:", e)
