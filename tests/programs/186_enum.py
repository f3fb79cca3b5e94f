from enum import Enum, IntEnum, StrEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name} is {self.value}"
print(Color.RED, repr(Color.GREEN), Color(3), Color["GREEN"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, Color.BLUE.describe(), Color.RED.name, Color.RED.value)
print([m.name for m in Color], list(Color.__members__), f"{Color.RED}", Color.RED == Color.RED, Color.RED != Color.BLUE)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
class Level(IntEnum):
    LOW = 1
    HIGH = 5
print(Level.LOW < Level.HIGH, Level.HIGH + 1, str(Level.LOW), repr(Level.HIGH), f"{Level.HIGH:>3}", Level(5))
class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
print(Shape.SQUARE.value, Shape.CIRCLE.value, repr(Shape))
class Mode(StrEnum):
    READ = auto()
    WRITE = "w"
print(Mode.READ, Mode.WRITE.value, Mode.READ == "read", repr(Mode.WRITE))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
d = {Color.RED: "stop", Color.GREEN: "go"}
print(d[Color.RED], sorted(Level), type(Color.RED).__name__, isinstance(Color.RED, Color))
