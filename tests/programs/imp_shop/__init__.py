"""A package for the import tests."""
print("imp_shop: initializing, __name__ =", __name__, "__package__ =", __package__)
VERSION = "1.0"
