class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key!r}")
        self.key = key
def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]
try:
    lookup({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception))
class Wrapped(ValueError):
    def __str__(self):
        return "wrapped: " + super().__str__()
try:
    raise Wrapped("inner")
except ValueError as e:
    print(e, repr(e))
