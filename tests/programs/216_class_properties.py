# properties: getters, setters with validation, deleters, read-only and computed attributes
class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._celsius = float(value)

    @celsius.deleter
    def celsius(self):
        print("resetting")
        self._celsius = 0.0

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = -40
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 100
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)

class Circle:
    def __init__(self, r):
        self.r = r
    def _area(self):
        return round(3.14159 * self.r ** 2, 3)
    area = property(_area, doc="the area")
print(Circle(2).area, Circle.area.__doc__, type(Circle.area).__name__)
print(isinstance(Circle.__dict__["area"], property), Circle.area.fget.__name__)
p = property(lambda self: 1)
print(p.fset, p.fdel)
