# metaclasses: a registry, attribute checks at class creation, __call__ for singletons
class Registry(type):
    classes = {}
    def __new__(mcls, name, bases, ns, **kwargs):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.classes[name] = cls
        return cls

class Model(metaclass=Registry):
    pass

class User(Model):
    pass

class Order(Model):
    pass

print(sorted(Registry.classes), type(User) is Registry, isinstance(User, type))

class RequireDoc(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases and not cls.__doc__:
            raise TypeError(f"class {name} needs a docstring")

class Documented(metaclass=RequireDoc):
    pass

class Good(Documented):
    """I have a doc."""

try:
    class Bad(Documented):
        pass
except TypeError as e:
    print("TypeError:", e)

class Singleton(type):
    _instances = {}
    def __call__(cls, *args):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, name):
        print("init", name)
        self.name = name

a = Config("first")
b = Config("second")
print(a is b, b.name)
print(type(Registry), Registry.__mro__[1] is type)
