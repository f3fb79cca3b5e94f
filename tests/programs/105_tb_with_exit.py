class Res:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("cleanup", args[0].__name__)
with Res():
    raise KeyError("inside with")
