def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("parse failed") from e
try:
    parse("x")
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during")
except KeyError as e:
    print(repr(e), "| context:", repr(e.__context__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("no context") from None
except KeyError as e:
    print(repr(e.__context__), e.__suppress_context__, e.__cause__)
