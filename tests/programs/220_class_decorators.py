# class decorators and function decorators (with functools.wraps), stacked and with arguments
import functools

registry = {}

def register(cls):
    registry[cls.__name__] = cls
    return cls

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

@register
@add_repr
class Book:
    def __init__(self, title, pages):
        self.title = title
        self.pages = pages

print(registry, Book("Dune", 412))

def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"-> {func.__name__}{args[1:] if args and not isinstance(args[0], int) else args}")
        result = func(*args, **kwargs)
        print(f"<- {func.__name__} = {result}")
        return result
    return wrapper

def repeat(times):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator

@trace
def add(a, b):
    """Add two numbers."""
    return a + b

@repeat(3)
def greet(name):
    return f"hi {name}"

add(2, 3)
print(add.__name__, add.__doc__, add.__wrapped__.__name__)
print(greet("bo"), greet.__name__)

class Service:
    @trace
    def work(self, n):
        return n * 2
Service().work(21)
