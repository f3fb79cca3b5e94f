#!/usr/bin/env python3
"""Writes tests/golden/formats.txt: format(value, spec) of CPython 3.11 for
ints, floats and strs over many specs.  One line per case, tab-separated:
KIND, VALUE (repr for numbers, hex UTF-8 for strings), SPEC (hex),
RESULT (hex of "OK:text" or "ERR:Type:message")."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

INTS = [0, 1, -1, 7, 42, -42, 255, 1000, 123456789, -987654321, 2**40, -2**64, 10**25, 65,
        0x10FFFF]
FLOATS = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.14159265358979, 1e-7, 123456.789, 1e16, 1e22,
          -2.75e-5, 1234567.0, 0.5, 9.999, 99.5, 1e100, float("inf"), float("-inf"),
          float("nan"), 100.0, 12.0, 5e-324, -0.0001, 0.125, 1.5e300]
STRS = ["", "a", "hello", "h\u00e9llo", "\u65e5\u672c", "x" * 12]
SPECS_NUM = ["", "d", "5", "<8", ">8", "^9", "=+10", "*^11", "+", "-", " ", "08", "010,", ",",
             "_", "#x", "#o", "#b", "x", "X", "o", "b", "_x", "_b", "c", "n", "#X", ",d",
             "+08,", " 7", ".0", ".2", ".3f", "e", "E", ".2e", "g", "G", ".3g", "#g", ".10g",
             "%", ".1%", "f", "F", "10.4f", "<10.2e", "+.3", ".0f", ".0e", "#.0f", "#.0e",
             ",.2f", "_.3f", "020.3f", "=020,.2f", "z.1f", "r", "s", ".3s", "010", ".", "ee",
             ",_", "12,", "1,", "#,", "xx", "\u2192>7", "-^+8", "0=8", ".17g", ".25f", "#.3g",
             "#", "z", ".5", "15.7", "^", "08.3e", ".3%", "#%", "n", ",g", "_e"]
SPECS_STR = ["", "s", "10", "<10", ">10", "^10", "*^10", ".2", "10.3", "x<8", "=8", "+", "#",
             "08", ",", "d", ".0s", "\u2192^9", "_", " ", "z", "5.1", "^", ">", "-"]


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("formats.py needs CPython 3.11")
    cases = [("int", v, s) for v in INTS for s in SPECS_NUM]
    cases += [("float", v, s) for v in FLOATS for s in SPECS_NUM]
    cases += [("str", v, s) for v in STRS for s in SPECS_STR]
    rows = []
    for kind, v, spec in cases:
        try:
            out = "OK:" + format(v, spec)
        except (ValueError, OverflowError, TypeError) as e:
            out = "ERR:%s:%s" % (type(e).__name__, e)
        shown = v.encode("utf-8").hex() if kind == "str" else repr(v)
        rows.append("\t".join([kind, shown, spec.encode("utf-8").hex(),
                               out.encode("utf-8").hex()]))
    path = os.path.join(ROOT, "tests", "golden", "formats.txt")
    with open(path, "w") as f:
        f.write("\n".join(rows) + "\n")
    print("wrote", path, len(rows), "rows")


if __name__ == "__main__":
    main()
