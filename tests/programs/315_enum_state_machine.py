# an Enum-driven state machine with a transition table, iteration over members and value lookup
from enum import Enum

class State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"

TRANSITIONS = {
    (State.IDLE, "start"): State.RUNNING,
    (State.RUNNING, "pause"): State.PAUSED,
    (State.PAUSED, "resume"): State.RUNNING,
    (State.RUNNING, "stop"): State.STOPPED,
    (State.PAUSED, "stop"): State.STOPPED,
}

def step(state, event):
    try:
        return TRANSITIONS[state, event]
    except KeyError:
        raise ValueError(f"cannot {event} when {state.value}") from None

state = State.IDLE
for event in ["start", "pause", "resume", "stop"]:
    state = step(state, event)
    print(f"{event:>6} -> {state.name}")
try:
    step(state, "start")
except ValueError as e:
    print("ValueError:", e)
print([s.value for s in State], State("paused"), State.STOPPED in {State.STOPPED})
reachable = {dst for (src, _), dst in TRANSITIONS.items() if src is State.RUNNING}
print(sorted(s.name for s in reachable))
