class S:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.v = v * 2
        return o
print(S(3).v)
class Meta(type):
    def __call__(cls, *a):
        print("meta call", cls.__name__)
        return super().__call__(*a)
class B(metaclass=Meta):
    def __init__(self, x): self.x = x
print(B(5).x)
