class Dog:
    species = "canis"
    def __init__(self, name, age):
        self.name = name
        self.age = age
    def speak(self):
        return f"{self.name} says woof"
    def birthday(self):
        self.age += 1
        return self
d = Dog("Rex", 3)
print(d.speak(), d.age, d.birthday().age, d.species, Dog.species, d.name)
e = Dog("Fido", 1)
Dog.species = "lupus"
print(d.species, e.species)
e.species = "own"
print(e.species, Dog.species, type(d).__name__, isinstance(d, Dog))
