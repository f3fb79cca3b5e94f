class Plain:
    pass

class Named:

    def __repr__(self):
        return 'Named()'
print(repr(Named()), str(Named()), [Named(), Named()], {'k': Named()})
print(type(Plain()).__name__, Plain.__name__, Plain.__qualname__, Plain.__module__)
print(str(int), str(list), repr(len), repr(print), type(len).__name__)
print(type(lambda: 0).__name__, 'function')
