# isinstance and issubclass with user classes, tuples, built-in types and bool/int
class Animal: pass
class Dog(Animal): pass
class Cat(Animal): pass
class Robot: pass

items = [Dog(), Cat(), Robot(), 3, True, 2.5, "s", None]
for it in items:
    print(type(it).__name__, isinstance(it, Animal), isinstance(it, (Dog, Robot)), isinstance(it, (int, float)))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, (Cat, Animal)), issubclass(bool, int))
print(issubclass(Dog, object), issubclass(type, object), isinstance(Dog, type), isinstance(type, type))
print(isinstance(Dog(), ()), issubclass(int, ((str, float), int)))
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(Dog, "Animal")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(type(Dog()) is Dog, type(Dog()) == Animal, type(True) is bool)
