class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['tag'] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class A(metaclass=Meta):
    pass
print(A.tag, type(A).__name__)
