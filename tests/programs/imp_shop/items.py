print("imp_shop.items: initializing, __package__ =", __package__)
__all__ = ["price", "CATALOG"]
CATALOG = {"apple": 3, "pear": 4}
_secret = "hidden"
helper = "not in __all__"


def price(name):
    return CATALOG[name]
