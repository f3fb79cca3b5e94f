# Course exercise: a vending machine as a state machine driven by `match`.
# States are strings, events are tuples or small classes; every transition
# is one case.
from dataclasses import dataclass

@dataclass
class Coin:
    cents: int

@dataclass
class Select:
    item: str

PRICES = {"cola": 150, "water": 100, "chips": 120}

class VendingMachine:
    def __init__(self):
        self.state = "idle"
        self.credit = 0
        self.log = []

    def handle(self, event):
        match self.state, event:
            case "idle", Coin(cents=c) if c in (10, 20, 50, 100, 200):
                self.credit += c
                self.state = "paying"
            case "paying", Coin(cents=c) if c in (10, 20, 50, 100, 200):
                self.credit += c
            case _, Coin(cents=c):
                self.log.append(f"rejected coin {c}")
            case "paying", Select(item=name) if name not in PRICES:
                self.log.append(f"no such item {name!r}")
            case "paying", Select(item=name) if self.credit >= PRICES[name]:
                change = self.credit - PRICES[name]
                self.log.append(f"vend {name}, change {change}")
                self.credit = 0
                self.state = "idle"
            case "paying", Select(item=name):
                self.log.append(f"{name} costs {PRICES[name]}, credit {self.credit}")
            case "paying", "cancel":
                self.log.append(f"refund {self.credit}")
                self.credit = 0
                self.state = "idle"
            case "idle", Select():
                self.log.append("insert coins first")
            case state, other:
                self.log.append(f"ignored {other!r} in state {state}")
        return self.state

machine = VendingMachine()
events = [Select("cola"), Coin(100), Coin(3), Select("cola"), Coin(50), Select("cola"),
          Coin(200), Select("tea"), Select("water"), Coin(20), "cancel", "kick"]
for event in events:
    before = machine.state
    after = machine.handle(event)
    print(f"{before:>7} --{event!r:^22}--> {after}")
print()
for line in machine.log:
    print(line)
