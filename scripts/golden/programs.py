#!/usr/bin/env python3
"""Writes the expected behaviour of every tests/programs/NAME.py, as CPython
3.11 runs it from the repository root (`python3 tests/programs/NAME.py`):

  tests/golden/programs/NAME.out   its stdout
  tests/golden/programs/NAME.err   its stderr (tracebacks)
  tests/golden/programs/NAME.rc    its exit status

and the same for the lesson programs of public/examples (into
tests/golden/examples), which the visualizer's examples menu offers, and
for the course-style exercises of tests/programs/course (tests/golden/course).

CPython names the script by its absolute path in tracebacks; the checkout's
root is written as <ROOT> so the goldens hold on any machine.
NAME.in next to the program, when present, is its stdin.  The programs
must be deterministic (no addresses, no set-of-str order, no timing).

    scripts/golden/programs.py [--check]
"""
import os
import tempfile
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMS = os.path.join(ROOT, "tests", "programs")
GOLDEN = os.path.join(ROOT, "tests", "golden", "programs")
# (directory of programs relative to ROOT, directory of their goldens)
SETS = [("tests/programs", GOLDEN), ("public/examples", os.path.join(ROOT, "tests", "golden", "examples")),
        ("tests/programs/course", os.path.join(ROOT, "tests", "golden", "course"))]


def run(name, python=sys.executable, where="tests/programs"):
    """(rc, stdout, stderr) of CPython running WHERE/NAME."""
    stdin = b""
    in_path = os.path.join(ROOT, where, name[:-3] + ".in")
    if os.path.exists(in_path):
        with open(in_path, "rb") as f:
            stdin = f.read()
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    # A scratch working directory: programs that write files leave
    # nothing behind (the script path is the same absolute one).
    with tempfile.TemporaryDirectory() as scratch:
        proc = subprocess.run([python, os.path.join(ROOT, where, name)], cwd=scratch, input=stdin,
                              capture_output=True, env=env, timeout=120)
    return (proc.returncode, proc.stdout.decode("utf-8", "replace").replace(ROOT, "<ROOT>"),
            proc.stderr.decode("utf-8", "replace").replace(ROOT, "<ROOT>"))


def check_or_write(path, text, check, tool):
    """Writes TEXT to the golden PATH, or with CHECK tells whether it holds
    TEXT already (saying so when not).  True when nothing differs."""
    if not check:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return True
    try:
        with open(path, encoding="utf-8", newline="") as f:
            same = f.read() == text
    except FileNotFoundError:
        same = False
    if not same:
        print("%s: %s differs" % (tool, os.path.relpath(path, ROOT)))
    return same


def programs(where=PROGRAMS):
    return sorted(f for f in os.listdir(where) if f.endswith(".py") and not f.startswith("mod_"))


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("programs.py needs CPython 3.11")
    check = "--check" in sys.argv
    differ = 0
    count = 0
    for where, golden in SETS:
        os.makedirs(golden, exist_ok=True)
        for name in programs(os.path.join(ROOT, where)):
            count += 1
            rc, out, err = run(name, where=where)
            stem = os.path.join(golden, name[:-3])
            files = {stem + ".out": out, stem + ".err": err, stem + ".rc": "%d\n" % rc}
            for path, text in files.items():
                differ += not check_or_write(path, text, check, "programs.py")
    print("programs.py: %d programs%s" % (count, ", %d files differ" % differ if check else " written"))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
