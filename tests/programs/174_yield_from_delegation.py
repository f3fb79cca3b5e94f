def inner():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "caught"
    finally:
        print("inner finally")
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "after"
g = outer()
print(next(g), g.throw(ValueError))
print(next(g))
g2 = outer()
next(g2)
g2.close()
print("closed")
def inner2():
    yield 1
def outer2():
    try:
        yield from inner2()
    except KeyError as e:
        yield f"outer caught {e!r}"
g3 = outer2()
next(g3)
print(g3.throw(KeyError("k")))
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        return self.n
    def close(self): print("It.close")
def outer3():
    yield from It()
g4 = outer3()
print(next(g4), next(g4))
g4.close()
def outer4():
    try:
        yield from It()
    except ZeroDivisionError:
        yield "zde in outer"
g5 = outer4()
next(g5)
print(g5.throw(ZeroDivisionError))
