# What a failed import says, and what it leaves behind.
import sys
try:
    import no_such_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    import imp_shop.nope
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import mod_main_guard.inner
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from imp_shop import nope
except ImportError as e:
    print(type(e).__name__, str(e).replace(sys.path[0], "<dir>"), e.name)
try:
    from sys import nope
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    import mod_broken
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print("mod_broken" in sys.modules)
try:
    import mod_badsyntax
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.filename.replace(sys.path[0], "<dir>"))
print("mod_badsyntax" in sys.modules)
try:
    import imp_shop.sub.deep
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    exec("from . import x")
except ImportError as e:
    print(type(e).__name__, e)
import mod_broken
