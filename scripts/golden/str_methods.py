#!/usr/bin/env python3
"""Writes tests/golden/str_methods.txt: results of CPython 3.11's str
methods over many strings and arguments.  One call per line,
tab-separated: METHOD, STRING, ARGS, RESULT.  Strings are "S" + hex UTF-8,
ints "I" + decimal, None "N", bools "B0"/"B1", lists "L" + comma-joined
items; ARGS is a comma-joined list of such values."""
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def enc(v):
    if v is None:
        return "N"
    if isinstance(v, bool):
        return "B1" if v else "B0"
    if isinstance(v, int):
        return "I%d" % v
    if isinstance(v, str):
        return "S" + v.encode("utf-8").hex()
    if isinstance(v, (list, tuple)):
        return "L" + ",".join(enc(x) for x in v)
    raise TypeError(v)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("str_methods.py needs CPython 3.11")
    rng = random.Random(311)
    strings = ["", " ", "a", "  hello  world  ", "a,b,,c,", ",", "a\tb\nc\r\nd\re\x0bf\x0cg\x1ch\x85i\u2028j",
               "one two three", "aaa", "abcabcabc", "\u3000x\u3000y\u3000", "-42", "+7", "42",
               "\u00e9t\u00e9", "tab\there\tand\tthere", "line1\nline2\n", "\n\n", "x\r\n",
               "mississippi", "\U0001F40D snake \U0001F40D"]
    pool = list("ab ,\t\n-+0x\u00e9")
    for _ in range(20):
        strings.append("".join(rng.choice(pool) for _ in range(rng.randint(0, 14))))
    subs = ["", "a", "ab", "abc", " ", ",", "ss", "\U0001F40D", "x", "\n"]
    bounds = [None, 0, 1, 2, -1, -3, 5, 100, -100]
    calls = []
    for s in strings:
        for sep in [None, " ", ",", "ab", "\n", "\U0001F40D"]:
            for maxsplit in [-1, 1]:
                calls.append(("split", s, [sep, maxsplit]))
                calls.append(("rsplit", s, [sep, maxsplit]))
        calls.append(("splitlines", s, [False]))
        calls.append(("splitlines", s, [True]))
        for chars in [None, " ", "ab", ",\t", "-+"]:
            for m in ("strip", "lstrip", "rstrip"):
                calls.append((m, s, [chars]))
        for sub in subs:
            for _ in range(2):
                a, b = rng.choice(bounds), rng.choice(bounds)
                for m in ("find", "rfind", "count", "startswith", "endswith"):
                    calls.append((m, s, [sub, a, b]))
            calls.append(("replace", s, [sub, "<>", -1]))
            calls.append(("replace", s, [sub, "", 1]))
            if sub:
                calls.append(("partition", s, [sub]))
                calls.append(("rpartition", s, [sub]))
        for tab in [8, 4, 1, 0, -1]:
            calls.append(("expandtabs", s, [tab]))
        for width in [-1, 0, 5, 10, 11]:
            for m in ("center", "ljust", "rjust"):
                calls.append((m, s, [width, "*"]))
            calls.append(("zfill", s, [width]))
    rows = []
    for m, s, args in calls:
        r = getattr(s, m)(*args)
        rows.append("\t".join([m, enc(s), ",".join(enc(a) for a in args), enc(r)]))
    path = os.path.join(ROOT, "tests", "golden", "str_methods.txt")
    with open(path, "w") as f:
        f.write("\n".join(rows) + "\n")
    print("wrote", path, len(rows), "rows")


if __name__ == "__main__":
    main()
