# importlib.import_module and reload; sys.modules as the cache.
import importlib
import sys
m = importlib.import_module("imp_shop.items")
print(m.__name__, m is sys.modules["imp_shop.items"])
r = importlib.import_module(".cart", "imp_shop")
print(r.__name__, r.total(["pear"]))
try:
    importlib.import_module(".cart")
except TypeError as e:
    print("TypeError:", e)
try:
    importlib.import_module("...x", "imp_shop")
except ImportError as e:
    print("ImportError:", e)
m.CATALOG["plum"] = 9
again = importlib.reload(m)
print(again is m, sorted(m.CATALOG))
import mod_main_guard
del sys.modules["mod_main_guard"]
import mod_main_guard as fresh
print(fresh is not mod_main_guard)
try:
    importlib.reload(42)
except TypeError as e:
    print("TypeError:", e)
print(importlib.import_module("math").sqrt(16))
