# return inside loops, 'not' folded into comparisons, 'is None' jumps.
def f(a):
    for x in a:
        for y in x:
            if y:
                return 1
            if x:
                return (
                    y)
            if a:
                return
            return -(2)
    while a:
        return (1,
                2)
if not a in b:
    x = not a is b
    y = not not a in b
    z = not (a < b)
if not not a in b:
    pass
while not (a is not None):
    pass
def g(v):
    if v is None:
        return v
    if v is not None and v:
        pass
    msg = "%s-%d" % (1, 2)
    return not v
