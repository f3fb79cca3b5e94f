# Namespace packages: a directory without __init__.py.
import sys
import imp_ns.tools.hammer
print(imp_ns.tools.hammer.WEIGHT)
print(imp_ns.__file__, imp_ns.__spec__.origin)
print(repr(imp_ns.__path__).replace(sys.path[0], "<dir>"))
print(type(imp_ns.__path__).__name__, list(imp_ns.__path__) == [sys.path[0] + "/imp_ns"])
print([k for k in imp_ns.__dict__])
print(imp_ns.tools.__package__, imp_ns.tools.hammer.__package__)
from imp_ns.tools import hammer
print(hammer is imp_ns.tools.hammer)
