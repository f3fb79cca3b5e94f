#!/usr/bin/env python3
"""Writes NAME.dis next to each tests/golden/src/dis_*.py file: CPython
3.11's dis.dis() of the module compiled as "NAME.py", with code object
addresses written as "0x" (they differ on every run)."""
import dis
import io
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, "tests", "golden", "src")


def listing(path):
    with open(path, "rb") as f:
        source = f.read()
    code = compile(source, os.path.basename(path), "exec")
    out = io.StringIO()
    dis.dis(code, file=out)
    return re.sub(r" at 0x[0-9a-f]+", " at 0x", out.getvalue())


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("dis_listings.py needs CPython 3.11")
    n = 0
    for name in sorted(os.listdir(SRC)):
        if name.startswith("dis_") and name.endswith(".py"):
            with open(os.path.join(SRC, name[:-3] + ".dis"), "w") as f:
                f.write(listing(os.path.join(SRC, name)))
            n += 1
    print("wrote %d dis goldens" % n)


if __name__ == "__main__":
    main()
