# C3 linearization: diamond inheritance, __mro__, super() chains through the MRO
class Base:
    def hello(self):
        return ["Base"]

class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()

class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()

class Child(Left, Right):
    def hello(self):
        return ["Child"] + super().hello()

print([c.__name__ for c in Child.__mro__])
print(Child().hello())
print(Child.mro() == list(Child.__mro__))

class A: pass
class B: pass
class C(A, B): pass
class D(B, A): pass
try:
    class E(C, D): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class F(A, A): pass
except TypeError as e:
    print("TypeError:", e)

class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError:", e)
class Z(Y, X): pass
print([k.__name__ for k in Z.__mro__])
print(Z.__bases__ == (Y, X), Y.__base__ is X, object.__bases__)
