# Packages: import a.b, from-imports, as-names, the module attributes.
import sys
import imp_shop.cart
print(imp_shop.VERSION, imp_shop.cart.total(["apple", "pear"]))
import imp_shop.cart as c
print(c is imp_shop.cart, c.__name__, c.__package__)
from imp_shop import items as it
print(it.price("pear"), it.__name__)
from imp_shop.items import price, CATALOG
print(price("apple"), sorted(CATALOG))
print(imp_shop.__file__.replace(sys.path[0], "<dir>"))
print([p.replace(sys.path[0], "<dir>") for p in imp_shop.__path__])
print(imp_shop.cart.__file__.replace(sys.path[0], "<dir>"))
print(imp_shop.cart.__cached__.replace(sys.path[0], "<dir>").replace("cpython-311", "TAG").replace("pylife-311", "TAG"))
spec = imp_shop.cart.__spec__
print(spec.name, spec.parent, spec.origin.replace(sys.path[0], "<dir>"), spec.submodule_search_locations, spec.has_location)
print(imp_shop.__spec__.parent, [p.replace(sys.path[0], "<dir>") for p in imp_shop.__spec__.submodule_search_locations])
print([k for k in imp_shop.__dict__ if k.startswith("__")])
print([k for k in sys.modules if k.startswith("imp_shop")])
print(type(imp_shop).__name__, repr(imp_shop).replace(sys.path[0], "<dir>"))
import imp_shop.sub
print(imp_shop.sub.catalog is CATALOG, imp_shop.sub.__package__)
print(imp_shop.sub.__name__, "sub" in dir(imp_shop))
