# AttributeError and NameError carry .name (and .obj); the traceback suggests the closest name
import math
class Robot:
    def __init__(self):
        self.position = 0
r = Robot()
for expr in ["r.postion", "r.Position", "math.sqr", "lenn([1])", "prnt('x')", "Robot.__nit__", "[].apend", "'s'.uper()", "r.zzzzzz", "undefined_thing"]:
    try:
        eval(expr)
    except (AttributeError, NameError) as e:
        print(type(e).__name__, e, getattr(e, "name", None))
def f():
    counter = 1
    return countr
try:
    f()
except NameError as e:
    print(e, e.name)
r.postion
