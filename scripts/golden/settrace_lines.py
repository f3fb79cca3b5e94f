#!/usr/bin/env python3
"""Runs a program as `python3 FILE [ARGS]` would, under a sys.settrace
tracer that writes `EVENT FUNCTION LINE` (event, frame.f_code.co_name,
frame.f_lineno) for every event of a frame of FILE itself: what
`pylife trace --lines FILE` prints.  Library frames (other files, exec'd
strings) are not traced.  The trace ends when FILE's module code returns
or raises, before the interpreter's teardown.

    settrace_lines.py OUT FILE [ARGS]

writes the events to OUT (the program's own stdout and stderr are left
alone) and exits with the status `python3 FILE` would have.
"""
import builtins
import os
import sys
import types

# The last line when the tracer stopped before the program did.
STOPPED = "# the tracer stopped here (it raised, as at the recursion limit)\n"


def main():
    out_path, path = sys.argv[1], os.path.abspath(sys.argv[2])
    events = open(out_path, "w", encoding="utf-8", newline="\n")
    with open(path, "rb") as f:
        source = f.read()
    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        events.close()
        sys.excepthook(*sys.exc_info())
        sys.exit(1)

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != path:
            return None
        events.write("%s %s %d\n" % (event, frame.f_code.co_name, frame.f_lineno))
        return tracer

    # The program's world as `python3 FILE ARGS` makes it.
    sys.argv = [sys.argv[2]] + sys.argv[3:]
    sys.path[0] = os.path.dirname(path)
    main_module = types.ModuleType("__main__")
    main_module.__annotations__ = {}
    main_module.__builtins__ = builtins
    main_module.__file__ = path
    main_module.__cached__ = None
    sys.modules["__main__"] = main_module
    status = 0
    stopped = False
    sys.settrace(tracer)
    try:
        exec(code, main_module.__dict__)
    except SystemExit as e:
        stopped = sys.gettrace() is None
        sys.settrace(None)
        status = e.code
    except BaseException:
        stopped = sys.gettrace() is None
        sys.settrace(None)
        sys.excepthook(*sys.exc_info())
        status = 1
    else:
        stopped = sys.gettrace() is None
    finally:
        sys.settrace(None)
        # CPython drops a tracer that raises; the tracer is Python code, so
        # a program at the recursion limit makes it raise RecursionError.
        # What it saw up to there is all there is to compare.
        if stopped:
            events.write(STOPPED)
        events.close()
    sys.exit(status)


if __name__ == "__main__":
    main()
