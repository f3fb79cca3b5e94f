#!/usr/bin/env python3
"""Writes tests/golden/numbers.txt: CPython 3.11's float //, %, divmod,
round(x, n), round(x), float(str) and int(str, base) on edge cases, one per
line, tab-separated: OP, ARGS (floats as hex bits, strings as hex UTF-8),
RESULT (floats as repr, errors as "ERR:Type:message")."""
import os
import random
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fb(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def call(f):
    try:
        r = f()
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        return "ERR:%s:%s" % (type(e).__name__, e)
    if isinstance(r, tuple):
        return " ".join(repr(x) for x in r)
    return repr(r)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("numbers.py needs CPython 3.11")
    rng = random.Random(7)
    floats = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 0.1, 3.0, -3.0, 7.0, 1e300, -1e-300, 5e-324,
              float("inf"), float("-inf"), 2.675, 0.125, 1.5, 0.5, -0.5, 1234.5678, 1e16, 123.456]
    floats += [rng.uniform(-100, 100) for _ in range(20)]
    rows = []
    for x in floats:
        for y in floats[:12] + floats[-4:]:
            if y != 0:
                rows.append(("floordiv", fb(x) + " " + fb(y), call(lambda: x // y)))
                rows.append(("mod", fb(x) + " " + fb(y), call(lambda: x % y)))
                rows.append(("divmod", fb(x) + " " + fb(y), call(lambda: divmod(x, y))))
        for n in (0, 1, 2, 3, -1, -2, 5, 400, -400):
            rows.append(("round", fb(x) + " " + str(n), call(lambda: round(x, n))))
        rows.append(("roundint", fb(x), call(lambda: round(x))))
    texts = ["1", " 1.5 ", "-2e3", "1_000.5", "1__0", "_1", "1_", "inf", "-Infinity", "nan",
             "+NaN", "1e", ".5", "5.", ".", "", "   ", "0x10", "1e-400", "1e400", "\u0661\u0662",
             "\u00a01.0\u2003", "1.5j", "12_3.4_5e1_0", "abc", "1.2.3", "1e+5", "1E-5"]
    for t in texts:
        rows.append(("float", t.encode("utf-8").hex(), call(lambda: float(t))))
    ints = [("12", 10), ("\u0661\u0662", 10), ("\u0967\u0968", 0), ("\u00a0 7 \u3000", 10),
            ("x", 10), ("\u00b2", 10), ("\uff11\uff10", 16), ("1_000", 0), ("\U0001d7ce\U0001d7d9", 10)]
    for t, base in ints:
        rows.append(("int", t.encode("utf-8").hex() + " " + str(base), call(lambda: int(t, base))))
    path = os.path.join(ROOT, "tests", "golden", "numbers.txt")
    with open(path, "w") as f:
        for op, args, r in rows:
            f.write("%s\t%s\t%s\n" % (op, args, r))
    print("wrote", path, len(rows), "rows")


if __name__ == "__main__":
    main()
