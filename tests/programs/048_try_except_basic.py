def safe_div(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("cannot divide by zero")
        return None
    else:
        print("else block")
        return result
    finally:
        print("finally block")
print(safe_div(10, 2))
print(safe_div(1, 0))
for value in ["10", "x", None]:
    try:
        print(int(value) * 2)
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)
