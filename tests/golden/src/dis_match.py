def f(x):
    match x:
        case [a, *_, b]: return a, b
        case {'k': v, **rest}: return v, rest
        case P(a, y=b) | P(b, y=a): return a, b
        case 1 | 2 as z if z: return z
        case (q, (y, w)): return q
        case str() | bytes(): return 's'
        case [*r]: return r
        case {}: return 'map'
        case True | None: return 'c'
        case Color.RED: pass
        case _: return None
def g(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as d]: print(d)
        case ["drop", *objs] if objs: print(objs)
        case [x] | [x, _]: print(x)
    match cmd:
        case _ if cmd: print(1)
    match cmd:
        case x: print(x)
