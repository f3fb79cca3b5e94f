class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name}: {self.speak()}"
class Cat(Animal):
    def speak(self):
        return "meow"
class Kitten(Cat):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (tiny)"
for a in [Animal("generic"), Cat("Tom"), Kitten("Kit", 1)]:
    print(a.describe(), type(a).__name__, isinstance(a, Cat), issubclass(type(a), Animal))
print(Kitten.__mro__ == (Kitten, Cat, Animal, object), [c.__name__ for c in Kitten.__mro__])
