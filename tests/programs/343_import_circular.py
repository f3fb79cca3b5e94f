# Circular imports: a module sees its importer partially initialized.
import mod_circ_a
print("main: a.A_LATE =", mod_circ_a.A_LATE, "b.B_VALUE =", mod_circ_a.mod_circ_b.B_VALUE)
import sys
print("mod_circ_a" in sys.modules, "mod_circ_b" in sys.modules)
try:
    import mod_circ_c
except ImportError as e:
    print(type(e).__name__, str(e).replace(sys.path[0], "<dir>"))
    print(e.name, e.path.replace(sys.path[0], "<dir>"))
print("mod_circ_c" in sys.modules, "mod_circ_d" in sys.modules)
