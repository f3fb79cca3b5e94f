# match with dataclasses (automatic __match_args__), keyword patterns and guards
from dataclasses import dataclass

@dataclass
class Click:
    x: int
    y: int
    button: str = "left"

@dataclass
class Key:
    char: str
    ctrl: bool = False

@dataclass
class Quit:
    pass

def handle(event):
    match event:
        case Click(x, y, button="right"):
            return f"context menu at {x},{y}"
        case Click(x, y) if x < 0 or y < 0:
            return "click outside the window"
        case Click(x=x, y=y):
            return f"select at {x},{y}"
        case Key("q", ctrl=True) | Quit():
            return "quit"
        case Key(char) if char.isdigit():
            return f"digit {char}"
        case Key(char):
            return f"type {char!r}"

print(Click.__match_args__, Key.__match_args__)
for ev in [Click(1, 2), Click(5, 5, "right"), Click(-1, 3), Key("q", ctrl=True), Key("7"), Key("a"), Quit()]:
    print(ev, "->", handle(ev))
