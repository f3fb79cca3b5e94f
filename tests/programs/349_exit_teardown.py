# At exit: module globals are released and the final collection finds cycles.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del node", self.name)


a = Noisy("a")
b = Noisy("b")
_private = Noisy("_private")
x, y = Node("x"), Node("y")
x.other, y.other = y, x
holder = [Noisy("in a list")]
print("end of program")
sys.exit(0)
