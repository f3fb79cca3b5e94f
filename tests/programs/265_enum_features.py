# enum: Enum, IntEnum, auto, iteration, lookup by value and name, members in match and dicts
from enum import Enum, IntEnum, auto

class Weekday(Enum):
    MON = 1
    TUE = 2
    WED = 3

class Priority(IntEnum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()

print(Weekday.MON, repr(Weekday.TUE), Weekday(3), Weekday["MON"], Weekday.MON.name, Weekday.MON.value)
print(list(Weekday), len(Weekday), Weekday.MON in Weekday, Weekday.MON is Weekday(1))
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW]), int(Priority.HIGH))
try:
    Weekday(9)
except ValueError as e:
    print("ValueError:", e)
try:
    Weekday["SUN"]
except KeyError as e:
    print("KeyError:", e)
schedule = {Weekday.MON: "gym", Weekday.WED: "swim"}
print(schedule[Weekday(1)], [d.name for d in Weekday if d not in schedule])
def plan(day):
    match day:
        case Weekday.MON | Weekday.WED:
            return "active"
        case _:
            return "rest"
print([plan(d) for d in Weekday])
try:
    Weekday.MON = 5
except AttributeError as e:
    print("AttributeError:", e)
