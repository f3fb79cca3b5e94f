# try/except/else/finally: which blocks run, finally overriding returns, re-raising, nested handlers
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("boom")
        if action == "return":
            return log + ["returned"]
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

for action in ["ok", "raise", "return"]:
    print(action, run(action))

def finally_wins():
    try:
        return "try"
    finally:
        return "finally"
print(finally_wins())

def reraise():
    try:
        int("x")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    reraise()
except ValueError as e:
    print("outer got:", e)

def multi(value):
    try:
        return {"a": 1}[value] / value
    except (KeyError, TypeError) as e:
        return f"lookup problem: {type(e).__name__}"
    except ZeroDivisionError:
        return "division"
print(multi("a"), multi(0), multi([]))

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)

e = None
try:
    1 / 0
except ZeroDivisionError as e:
    pass
print("e after except:", "e" in dir())
