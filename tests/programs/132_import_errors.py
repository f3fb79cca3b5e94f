try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from mod_shapes import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
import math, sys, time
print(math.floor(2.5), "sys" in sys.modules)
