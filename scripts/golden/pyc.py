#!/usr/bin/env python3
"""Golden .pyc files: CPython 3.11's own, with CPython's disassembly of them,
so `pylife pyc` is checked natively and in wasm without CPython:

  tests/golden/pyc/NAME.cpython-311.pyc  py_compile (checked-hash) of tests/programs/NAME.py
  tests/golden/pyc/NAME.dis              dis.dis(marshal.loads(pyc[16:])), " at 0x..." removed

and, with --pylife PATH, the portability fixture written by pylife itself:

  tests/golden/pyc/portable/__pycache__/portable.pylife-311.pyc
      `pylife compile --invalidation-mode checked-hash portable.py` run in
      tests/golden/pyc/portable (the native build writes it; the wasm build
      must write the same bytes and load them, and the other way round).

    scripts/golden/pyc.py [--check] [--pylife PATH]

--check compares CPython's disassembly of the checked-in .pyc files with
the .dis files (the .pyc bytes themselves may differ between 3.11 releases).
"""
import dis
import io
import marshal
import os
import py_compile
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "tests", "golden", "pyc")
PROGRAMS = ["053_finally_flow.py", "078_dict_grouping.py", "190_match_sequences.py",
            "206_asyncio_tasks.py", "246_generator_frames_closures.py", "294_closures_and_scopes.py"]


def disassembly(pyc):
    with open(pyc, "rb") as f:
        data = f.read()
    out = io.StringIO()
    dis.dis(marshal.loads(data[16:]), file=out)
    return re.sub(r" at 0x[0-9a-f]+", "", out.getvalue())


def main():
    if sys.version_info[:2] != (3, 11):
        print("pyc.py: needs CPython 3.11")
        return 77
    check = "--check" in sys.argv
    differ = 0
    for name in PROGRAMS:
        stem = os.path.join(GOLDEN, name[:-3])
        pyc = stem + ".cpython-311.pyc"
        if not check:
            py_compile.compile(os.path.join(ROOT, "tests", "programs", name), cfile=pyc,
                               dfile="tests/programs/" + name, doraise=True,
                               invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
        text = disassembly(pyc)
        if check:
            with open(stem + ".dis", encoding="utf-8") as f:
                if f.read() != text:
                    differ += 1
                    print("pyc.py: %s.dis differs" % name[:-3])
        else:
            with open(stem + ".dis", "w", encoding="utf-8") as f:
                f.write(text)
    if "--pylife" in sys.argv:
        pylife = os.path.abspath(sys.argv[sys.argv.index("--pylife") + 1])
        subprocess.run([pylife, "compile", "-f", "--invalidation-mode", "checked-hash", "portable.py"],
                       cwd=os.path.join(GOLDEN, "portable"), check=True)
    print("pyc.py: %d CPython .pyc files %s" % (len(PROGRAMS), "checked, %d differ" % differ if check else "written"))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
