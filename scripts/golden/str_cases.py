#!/usr/bin/env python3
"""Writes tests/golden/str_cases.txt: str.lower/upper/casefold/title/
capitalize/swapcase and the is* predicates of CPython 3.11 over tricky and
random strings.  One line per string: hex(UTF-8 of the input), then each
result (hex for strings, 0/1 for predicates), tab-separated."""
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
METHODS = ["lower", "upper", "casefold", "title", "capitalize", "swapcase"]
PREDICATES = ["isspace", "isdecimal", "isdigit", "isnumeric", "isalpha", "isalnum", "islower",
              "isupper", "istitle", "isprintable"]


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("str_cases.py needs CPython 3.11")
    rng = random.Random(2026)
    strings = ["", "a", "A", "hello world", "Hello World", "HELLO", "they're bill's friends",
               "\u03a3", "\u0391\u03a3", "\u0391\u03a3 \u0391", "a\u03a3b", "\u0391\u03a3\u0301",
               "\u00df", "stra\u00dfe", "\ufb01le", "\u01c6a", "\u0130stanbul", "\u2160\u2161",
               "\u0663\u0661", "\u00bd", "\u00b2", " \t\n\x0b\x0c\r\x1c\u3000", "x\u200by", "Ǆǅǆ",
               "123", "\uff21\uff42", "\U0001D400\U0001D41A", "\u1e9e", "\u03a3\u03a3\u03a3",
               "abc-DEF ghi.jkl", "\u0149", "ǰ", "\u1f80", "\u1f88", "Mr. o'neil", "\x00",
               "\u00e9t\u00e9", "\u0345", "'\u03a3'", "\u02b0\u03a3"]
    pool = [chr(c) for c in list(range(0x20, 0x250)) + list(range(0x370, 0x400)) +
            list(range(0x1E00, 0x1FFF)) + list(range(0x2160, 0x2190)) + list(range(0xFB00, 0xFB07))
            + [0x3A3, 0x3C2, 0x130, 0x131, 0x2B0, 0x345, 0x1C5, 0x10400, 0x10428]]
    for _ in range(400):
        strings.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 12))))
    rows = []
    for s in strings:
        cols = [s.encode("utf-8", "surrogatepass").hex()]
        cols += [getattr(s, m)().encode("utf-8").hex() for m in METHODS]
        cols += ["1" if getattr(s, p)() else "0" for p in PREDICATES]
        rows.append("\t".join(cols))
    path = os.path.join(ROOT, "tests", "golden", "str_cases.txt")
    with open(path, "w") as f:
        f.write("\n".join(rows) + "\n")
    print("wrote", path, len(rows), "rows")


if __name__ == "__main__":
    main()
