#!/usr/bin/env python3
"""Writes tests/golden/ints.txt from CPython 3.11: integer operations on
a seeded mix of small, boundary and large values, one per line,
tab-separated: OP, A, B, RESULT (decimal integers; floats as repr; parse
cases give the text as hex and the base; errors as "ERR:message")."""
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def values(rng):
    vs = [0, 1, -1, 2, -2, 7, -7, 10, 255, 256, 2**31 - 1, 2**31, -2**31, 2**32 - 1, 2**32,
          2**53 - 1, 2**53, 2**53 + 1, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1, 2**64,
          10**20, -10**20, 10**30 + 7, 2**1023, 2**1024, -(2**1024) + 12345]
    for _ in range(40):
        bits = rng.choice([8, 31, 33, 63, 65, 100, 200, 320])
        v = rng.getrandbits(bits)
        vs.append(-v if rng.random() < 0.4 else v)
    return vs


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("ints.py needs CPython 3.11")
    rng = random.Random(311)
    vs = values(rng)
    rows = []
    for a in vs:
        rows.append(("str", a, 0, str(a)))
        rows.append(("bin", a, 0, format(a, "b")))
        rows.append(("oct", a, 0, format(a, "o")))
        rows.append(("hex", a, 0, format(a, "x")))
        rows.append(("bit_length", a, 0, str(a.bit_length())))
        rows.append(("hash", a, 0, str(hash(a))))
        try:
            rows.append(("float", a, 0, repr(float(a))))
        except OverflowError as e:
            rows.append(("float", a, 0, "ERR:" + str(e)))
    pairs = [(rng.choice(vs), rng.choice(vs)) for _ in range(250)]
    pairs += [(a, b) for a in vs[:10] for b in vs[:10]]
    for a, b in pairs:
        rows.append(("add", a, b, str(a + b)))
        rows.append(("sub", a, b, str(a - b)))
        rows.append(("mul", a, b, str(a * b)))
        rows.append(("and", a, b, str(a & b)))
        rows.append(("or", a, b, str(a | b)))
        rows.append(("xor", a, b, str(a ^ b)))
        rows.append(("cmp", a, b, str((a > b) - (a < b))))
        if b != 0:
            rows.append(("floordiv", a, b, str(a // b)))
            rows.append(("mod", a, b, str(a % b)))
            try:
                rows.append(("truediv", a, b, repr(a / b)))
            except OverflowError as e:
                rows.append(("truediv", a, b, "ERR:" + str(e)))
        sh = abs(b) % 200
        rows.append(("lshift", a, sh, str(a << sh)))
        rows.append(("rshift", a, sh, str(a >> sh)))
        e = abs(b) % 6
        rows.append(("pow", a, e, str(a ** e)))
        if b != 0:
            rows.append(("powmod", a, b, str(pow(a, 65537, b))))
    # True division near the subnormal and overflow ranges.
    for k in (1070, 1074, 1075, 1100, 1200):
        for num in (1, 3, 2**53 + 1, 12345678901234567890):
            rows.append(("truediv", num, 2**k, repr(num / 2**k)))
    parse = [("0", 10), ("-42", 10), ("  12_345  ", 10), ("0x1F", 16), ("0x1F", 0), ("1F", 16),
             ("0o17", 0), ("0b101", 0), ("010", 0), ("0", 0), ("00", 0), ("z", 36), ("ZZ", 36),
             ("1__0", 10), ("_1", 10), ("1_", 10), ("", 10), ("-", 10), ("12a", 10),
             ("0x_ff", 16), ("0x", 16), ("+7", 10), ("\t\n 99 \r", 10), ("9" * 60, 10),
             ("1e5", 10), ("0b2", 0), ("3.0", 10)]
    for text, base in parse:
        try:
            r = str(int(text, base))
        except ValueError as e:
            r = "ERR:" + str(e)
        rows.append(("parse", text.encode("utf-8").hex(), base, r))
    path = os.path.join(ROOT, "tests", "golden", "ints.txt")
    with open(path, "w") as f:
        for op, a, b, r in rows:
            f.write("%s\t%s\t%s\t%s\n" % (op, a, b, r))
    print("wrote", path, len(rows), "rows")


if __name__ == "__main__":
    main()
