class Point:

    def __init__(self, x, y):
        self.x, self.y = (x, y)
p = Point(1, 2)
print(getattr(p, 'x'), getattr(p, 'z', 'default'), hasattr(p, 'y'), hasattr(p, 'z'))
setattr(p, 'z', 3)
print(p.z, vars(p))
delattr(p, 'z')
print(hasattr(p, 'z'), type(p).__name__, type(3), type('s'), type([]) is list, type(type))
print([n for n in sorted(vars(p))])
print(hash(1) == hash(1.0), hash('a') == hash('a'), id(p) == id(p))
try:
    getattr(p, 'missing')
except AttributeError as e:
    print(e)
