e = ValueError("bad", 42)
print(e, repr(e), e.args, str(ValueError()), repr(ValueError()))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
print(repr(Exception("a")), repr(StopIteration(5)), StopIteration(5).value, SystemExit(3).code)
print(repr(OSError(2, "No such file")), OSError(2, "No such file").errno)
try:
    raise TypeError("custom message")
except TypeError as err:
    print(type(err).__name__, err.args)
