for exc in [ZeroDivisionError, KeyError, IndexError, ValueError, UnicodeDecodeError, RecursionError, FileNotFoundError, ModuleNotFoundError, StopIteration, KeyboardInterrupt, SystemExit, GeneratorExit, UnboundLocalError, NotImplementedError, TabError]:
    print(exc.__name__, [c.__name__ for c in exc.__mro__])
print(issubclass(KeyError, LookupError), issubclass(bool, int), isinstance(ValueError("x"), Exception))
try:
    {}["k"]
except LookupError as e:
    print("caught as LookupError:", repr(e))
try:
    [].pop()
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
