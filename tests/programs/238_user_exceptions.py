# user exceptions: hierarchies, extra attributes, __str__, raise from, catching by base class
class AppError(Exception):
    """Base for this app's errors."""

class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field

class NotFound(AppError, LookupError):
    pass

class Retry(Exception):
    def __init__(self, attempts):
        self.attempts = attempts
    def __str__(self):
        return f"gave up after {self.attempts} attempts"

def check(age):
    if not isinstance(age, int):
        raise ValidationError("age", f"expected int, got {type(age).__name__}")
    if age < 0:
        raise ValidationError("age", "must be positive")
    return age

for value in [5, -1, "x"]:
    try:
        print("ok", check(value))
    except ValidationError as e:
        print("ValidationError:", e, "| field =", e.field, "| args =", e.args)

try:
    raise NotFound("user 42")
except LookupError as e:
    print("caught as LookupError:", repr(e), isinstance(e, AppError))

try:
    raise Retry(3)
except Exception as e:
    print(e, repr(e), e.args, e.attempts)

def load(key):
    try:
        return {}[key]
    except KeyError as e:
        raise NotFound(f"no {key}") from e
try:
    load("cfg")
except NotFound as e:
    print(e, "caused by", repr(e.__cause__), e.__suppress_context__)
print([c.__name__ for c in NotFound.__mro__])
print(issubclass(ValidationError, Exception), AppError.__doc__)
raise ValidationError("name", "missing")
