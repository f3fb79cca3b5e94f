print(True, False, None, not None, bool(0), bool(""), bool([]), bool([0]), bool(0.0), bool("0"))
print(True == 1, False == 0, True is True, None is None, type(None).__name__)
print(isinstance(True, int), True + 2, sum([True, True, False]))
x = None
print(x is None, x is not None, x == None)
print(1 and 2, 0 and 2, 1 or 2, 0 or "", None or "default", [] or [1])
