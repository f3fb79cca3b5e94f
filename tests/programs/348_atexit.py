# atexit: callbacks run after the program, last registered first.
import atexit
import sys


class Named:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "<callback " + self.name + ">"

    def __call__(self, *args, **kwargs):
        print("callback", self.name, args, sorted(kwargs.items()))


def bye(who, punct="!"):
    print("bye", who + punct)


atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(Named("three"), 1, 2, key="v")
removed = Named("removed")
atexit.register(removed)
atexit.unregister(removed)


class Boom:
    def __repr__(self):
        return "<Boom callback>"

    def __call__(self):
        raise ValueError("from a callback")


atexit.register(Boom())


@atexit.register
def decorated():
    print("decorated callback; stdout still works")
    sys.stdout.flush()


print("main program ends")
