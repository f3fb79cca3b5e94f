"""A small module the test programs import."""
PI = 3.14159
NAME = "shapes"
_private = "hidden"
loaded_as = __name__


def area_square(side):
    return side * side


def area_circle(r):
    return PI * r * r
