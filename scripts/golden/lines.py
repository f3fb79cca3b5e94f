#!/usr/bin/env python3
"""Writes what a sys.settrace tracer sees of every program that
programs.py covers (tests/programs, public/examples, the course
exercises), as CPython 3.11 runs it: NAME.lines next to NAME.out in the
same golden directory, one `EVENT FUNCTION LINE` a line for the frames of
the program's own file (settrace_lines.py is the tracer).  `pylife trace
--lines` must print exactly this, and the visualizer's line steps are the
same events.

    scripts/golden/lines.py [--check] [--pylife EXE] [NAME...]

--check compares instead of writing (the parity test for the goldens);
--pylife EXE also runs `EXE trace --lines` on each program and compares it
with what CPython's tracer saw just now (tests/golden/lines-known.txt
lists the programs known to differ, which must still differ).
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import programs  # noqa: E402  (the same program sets, stdin files and environment)

TRACER = os.path.join(HERE, "settrace_lines.py")


def trace(name, where, python=sys.executable):
    """The events CPython's tracer sees of WHERE/NAME, as text."""
    stdin = b""
    in_path = os.path.join(programs.ROOT, where, name[:-3] + ".in")
    if os.path.exists(in_path):
        with open(in_path, "rb") as f:
            stdin = f.read()
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, ".events")
        subprocess.run([python, TRACER, out, os.path.join(programs.ROOT, where, name)], cwd=scratch,
                       input=stdin, capture_output=True, env=env, timeout=300)
        with open(out, encoding="utf-8") as f:
            return f.read()


STOPPED = "# the tracer stopped here"


def pylife_trace(exe, name, where):
    """What `pylife trace --lines` prints for WHERE/NAME, run as trace() runs CPython."""
    stdin = b""
    in_path = os.path.join(programs.ROOT, where, name[:-3] + ".in")
    if os.path.exists(in_path):
        with open(in_path, "rb") as f:
            stdin = f.read()
    with tempfile.TemporaryDirectory() as scratch:
        proc = subprocess.run([exe, "trace", "--lines", os.path.join(programs.ROOT, where, name)], cwd=scratch,
                              input=stdin, capture_output=True, timeout=300)
    return proc.stdout.decode("utf-8", "replace")


def comparable(want, got):
    """WANT and GOT cut where CPython's tracer stopped, if it did."""
    at = want.find(STOPPED)
    if at >= 0:
        want = want[:at]
        got = "".join(got.splitlines(True)[:want.count("\n")])
    return want, got


def known_differences():
    path = os.path.join(programs.ROOT, "tests", "golden", "lines-known.txt")
    with open(path, encoding="utf-8") as f:
        return {line.split()[0] for line in f if line.strip() and not line.startswith("#")}


def main():
    if sys.version_info[:2] != (3, 11):
        print("lines.py needs CPython 3.11")
        return 77
    args = sys.argv[1:]
    check = "--check" in args
    exe = None
    if "--pylife" in args:
        i = args.index("--pylife")
        exe = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    known = known_differences()
    pylife_differ = 0
    only = {a for a in args if not a.startswith("--")}
    differ = count = 0
    for where, golden in programs.SETS:
        for name in programs.programs(os.path.join(programs.ROOT, where)):
            if only and name not in only and name[:-3] not in only:
                continue
            count += 1
            text = trace(name, where)
            if exe:
                want, got = comparable(text, pylife_trace(exe, name, where))
                rel = where + "/" + name
                if (want == got) == (rel in known):
                    pylife_differ += 1
                    print("lines.py: pylife %s %s" % ("now matches" if want == got else "differs on", rel))
            path = os.path.join(golden, name[:-3] + ".lines")
            differ += not programs.check_or_write(path, text, check, "lines.py")
    print("lines.py: %d programs%s" % (count, ", %d differ" % differ if check else " written"))
    if exe:
        print("lines.py: pylife trace --lines: %d unexpected of %d (%d known to differ)" % (pylife_differ, count, len(known)))
    return 1 if differ or pylife_differ else 0


if __name__ == "__main__":
    sys.exit(main())
