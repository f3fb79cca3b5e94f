# int arithmetic at the 64-bit boundaries (the fast paths must agree with the big-int arithmetic)
vals = [0, 1, -1, 7, -7, 3, -3, 2**62, -2**62, 2**63-1, -2**63, 10**18, 255]
import operator as o
out = []
for a in vals:
    for b in vals:
        for f in [o.add, o.sub, o.mul, o.mod, o.floordiv, o.and_, o.or_, o.xor, o.rshift, o.lshift]:
            if f in (o.rshift, o.lshift) and (b < 0 or b > 70):
                continue
            try:
                out.append(f(a, b))
            except ZeroDivisionError as e:
                out.append(str(e))
        x = a; y = b
        try:
            out += [x + y, x - y, x * y, x % y, x // y, x & y, x | y, x ^ y]
        except ZeroDivisionError as e:
            out.append(str(e))
        if 0 <= y < 70:
            out += [x >> y, x << y]
for x in out: print(x)
