#!/usr/bin/env python3
"""Writes tests/golden/stack_effects.txt: dis.stack_effect of CPython 3.11
for every opcode, several opargs and both jump directions, one line each:
"NAME ARG JUMP EFFECT" (ARG - and JUMP - for opcodes without argument)."""
import dis
import opcode
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("stack_effects.py needs CPython 3.11")
    rows = []
    for i, name in enumerate(opcode.opname):
        if name.startswith("<"):
            continue
        if i < opcode.HAVE_ARGUMENT:
            rows.append("%s - - %d" % (name, dis.stack_effect(i)))
            continue
        for arg in (0, 1, 2, 3, 4, 5, 6, 7, 8, 15, 258, 513):
            for jump in (False, True):
                rows.append("%s %d %d %d" % (name, arg, jump, dis.stack_effect(i, arg, jump=jump)))
    path = os.path.join(ROOT, "tests", "golden", "stack_effects.txt")
    with open(path, "w") as f:
        f.write("\n".join(rows) + "\n")
    print("wrote", path, len(rows), "rows")


if __name__ == "__main__":
    main()
