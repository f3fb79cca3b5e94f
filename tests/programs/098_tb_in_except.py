try:
    x = 1 / 0
except ZeroDivisionError:
    print("handling")
    y = undefined_variable
