# class bodies are code objects run once: their scope, name mangling, nested classes
x = "global"
class Outer:
    x = "class"
    y = x.upper()
    items = [x for _ in range(2)]  # the comprehension sees the global x
    __secret = "mangled"

    class Inner:
        def who(self):
            return type(self).__qualname__

    def reveal(self):
        return self.__secret, x

print(Outer.y, Outer.items, Outer().reveal())
print(Outer.Inner().who(), Outer.Inner.__qualname__)
print(hasattr(Outer, "__secret"), hasattr(Outer, "_Outer__secret"))
try:
    Outer().__secret
except AttributeError as e:
    print("AttributeError:", e)

def make_class(n):
    class Local:
        value = n
        def get(self):
            return self.value * 2
    return Local
A, B = make_class(1), make_class(2)
print(A().get(), B().get(), A is B, A.__qualname__)
print([k for k in Outer.__dict__ if not k.startswith("__")])
