# The portability fixture: its .pyc is written by the native build and
# must be the same bytes, and load, in the wasm build (tests/unit/test_pyc.cpp).
import sys

BIG = 12345678901234567890
HALF = 0.5
PARTS = ("tuple", b"bytes", 3 + 4j, frozenset({1}), None, ..., True)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


class Shape:
    def __init__(self, sides):
        self.sides = sides

    def describe(self):
        try:
            return f"{self.sides} sides, {fib(self.sides)}"
        finally:
            pass


def run():
    squares = [x * x for x in range(5) if x % 2 == 0]
    return fib(30), BIG + 1, HALF * 3, PARTS[:3], squares, Shape(7).describe(), sys.version_info[:2]
