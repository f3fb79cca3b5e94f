# from m import *: __all__ decides; without it, names not starting with _.
from imp_shop.items import *
print(sorted(k for k in dir() if not k.startswith("__")))
from mod_main_guard import *
print(greet("star"))
print("_secret" in dir(), "helper" in dir())
import imp_shop
from imp_shop import *
print("VERSION" in dir())
