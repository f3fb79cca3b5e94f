# NameError in a function: the traceback suggests the closest local name (CPython 3.11 "Did you mean")
def area(width, height):
    return widht * height
print(area(2, 3))
