#!/usr/bin/env python3
"""Writes NAME.symtable next to each tests/golden/src/ast_*.py and
scope_*.py file: CPython 3.11's symtable for it (the symtable module),
one block per line followed by its symbols, children after, or
"error <message> line <n>" when the symbol table cannot be built."""
import os
import symtable
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, "tests", "golden", "src")
PROPS = ["referenced", "imported", "parameter", "global", "nonlocal", "declared_global",
         "local", "annotated", "free", "assigned", "namespace"]


def dump(table, depth, out):
    pad = "  " * depth
    out.append("%s%s %s line %d%s" % (pad, table.get_type(), table.get_name(),
                                       table.get_lineno(),
                                       " optimized" if table.is_optimized() else ""))
    for name in sorted(table.get_identifiers()):
        sym = table.lookup(name)
        props = [p for p in PROPS if getattr(sym, "is_" + p)()]
        out.append("%s  %s: %s" % (pad, name, " ".join(props)))
    for child in table.get_children():
        dump(child, depth + 1, out)


def describe(path):
    with open(path, "rb") as f:
        source = f.read().decode("utf-8")
    try:
        table = symtable.symtable(source, os.path.basename(path), "exec")
    except SyntaxError as e:
        return "error %s line %s\n" % (e.msg, e.lineno)
    out = []
    dump(table, 0, out)
    return "\n".join(out) + "\n"


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("symtables.py needs CPython 3.11")
    n = 0
    for name in sorted(os.listdir(SRC)):
        if name.endswith(".py") and (name.startswith("ast_") or name.startswith("scope_")):
            with open(os.path.join(SRC, name[:-3] + ".symtable"), "w") as f:
                f.write(describe(os.path.join(SRC, name)))
            n += 1
    print("wrote %d symtable goldens" % n)


if __name__ == "__main__":
    main()
