x = 0
def f():
    global x, y
    x = 1
def g():
    z = 0
    def h():
        nonlocal z
        z += 1
        def i():
            nonlocal z
            return z
        return i
    return h
