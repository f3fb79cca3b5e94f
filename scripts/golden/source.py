#!/usr/bin/env python3
"""Generates tests/golden/source/ from CPython 3.11, or checks it (--check).

For every case of source_cases.py it writes NAME.py (the raw bytes) and
NAME.exp: either

    ok <encoding as tokenize.detect_encoding reports it>
    <the decoded text, newlines as in the file>

or

    error
    <what `python3 NAME.py` prints on stderr>

--check regenerates into a temporary directory and compares: the parity
test against the live interpreter.  It needs CPython 3.11.
"""
import os
import subprocess
import sys
import tempfile
import tokenize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from source_cases import CASES, VERSION_SENSITIVE  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "tests", "golden", "source")


def expectation(directory, name):
    path = os.path.join(directory, name + ".py")
    proc = subprocess.run([sys.executable, "-S", "-E", name + ".py"], cwd=directory,
                          capture_output=True)
    if proc.returncode == 0:
        with open(path, "rb") as f:
            encoding, _ = tokenize.detect_encoding(f.readline)
        with open(path, "rb") as f:
            text = f.read().decode(encoding)
        return ("ok " + encoding + "\n" + text).encode("utf-8")
    # CPython names the script by its absolute path; goldens use the bare name.
    prefix = (os.path.realpath(directory) + os.sep).encode()
    return b"error\n" + proc.stderr.replace(prefix, b"")


def generate(directory):
    for name, data in CASES.items():
        with open(os.path.join(directory, name + ".py"), "wb") as f:
            f.write(data)
    for name in CASES:
        with open(os.path.join(directory, name + ".exp"), "wb") as f:
            f.write(expectation(directory, name))


def main():
    if sys.version_info[:2] != (3, 11):
        print("golden/source.py: needs CPython 3.11, this is " + sys.version.split()[0])
        return 77 if "--check" in sys.argv else 1
    if "--check" not in sys.argv:
        os.makedirs(GOLDEN, exist_ok=True)
        generate(GOLDEN)
        print("wrote %d cases to %s" % (len(CASES), GOLDEN))
        return 0
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        generate(tmp)
        for name in CASES:
            since = VERSION_SENSITIVE.get(name)
            if since and sys.version_info < since:
                continue  # the golden was made on a later 3.11 release
            with open(os.path.join(tmp, name + ".exp"), "rb") as f:
                live = f.read()
            with open(os.path.join(GOLDEN, name + ".exp"), "rb") as f:
                stored = f.read()
            if live != stored:
                failures += 1
                print("parity: %s differs from live %s" % (name, sys.version.split()[0]))
    print("parity: %d source cases, %d differ" % (len(CASES), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
