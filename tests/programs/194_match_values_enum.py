# match: dotted value patterns (constants in classes and enums)
from enum import Enum, auto

class Color(Enum):
    RED = auto()
    GREEN = auto()
    BLUE = auto()

class Limits:
    LOW = 10
    HIGH = 90

def react(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case _:
            return "wait"

for c in Color:
    print(c.name, react(c))

def level(reading):
    match reading:
        case Limits.LOW:
            return "exactly low"
        case Limits.HIGH:
            return "exactly high"
        case int(x) if x < Limits.LOW:
            return "too low"
        case int(x) if x > Limits.HIGH:
            return "too high"
        case _:
            return "fine"
print([level(r) for r in [5, 10, 50, 90, 95]])

# value patterns use ==, so 10.0 matches Limits.LOW
print(level(10.0))
