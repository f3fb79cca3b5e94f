def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
h()
def k():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("k finally")
print(k())
