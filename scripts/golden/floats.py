#!/usr/bin/env python3
"""Writes tests/golden/floats.txt: repr() of CPython 3.11 for a seeded set
of doubles (random bit patterns, powers of two, decimal edge cases), one
"HEXBITS REPR" per line."""
import os
import random
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("floats.py needs CPython 3.11")
    rng = random.Random(3110)
    values = [0.0, -0.0, 1.0, 0.1, 1e16, 1e15, 1e-4, 1e-5, 5e-324, 2.2250738585072014e-308,
              1.7976931348623157e308, float("inf"), float("-inf"), 123456789.0, 0.3, 2 / 3]
    values += [2.0 ** k for k in range(-1074, 1024, 7)]
    values += [struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0] for _ in range(3000)]
    values += [rng.uniform(-1e6, 1e6) for _ in range(500)]
    rows = []
    for v in values:
        if v != v:
            continue
        bits = struct.unpack("<Q", struct.pack("<d", v))[0]
        rows.append("%016x %s" % (bits, repr(v)))
    path = os.path.join(ROOT, "tests", "golden", "floats.txt")
    with open(path, "w") as f:
        f.write("\n".join(rows) + "\n")
    print("wrote", path, len(rows), "rows")


if __name__ == "__main__":
    main()
