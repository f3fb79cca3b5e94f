def risky():
    raise ValueError("original")
try:
    try:
        risky()
    except ValueError:
        print("logging and re-raising")
        raise
except ValueError as e:
    print("outer caught:", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def nested():
    try:
        raise KeyError("a")
    except KeyError as e:
        err = e
    return err
print(repr(nested()))
