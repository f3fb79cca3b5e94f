# match: a traffic light controller driven by events (a tiny state machine)
from dataclasses import dataclass

@dataclass
class Timer:
    seconds: int

@dataclass
class Button:
    pedestrian: bool = True

def step(state, event):
    match state, event:
        case "red", Timer(seconds=s) if s >= 30:
            return "green"
        case "green", Timer(seconds=s) if s >= 25:
            return "yellow"
        case "green", Button():
            return "yellow"
        case "yellow", Timer(seconds=s) if s >= 3:
            return "red"
        case _, "reset":
            return "red"
        case state, _:
            return state

state = "red"
for ev in [Timer(10), Timer(30), Button(), Timer(1), Timer(3), Timer(40), "reset", Timer(25)]:
    new = step(state, ev)
    print(f"{state:>6} + {ev!r:<30} -> {new}")
    state = new
