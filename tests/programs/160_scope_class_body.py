x = "global"
class C:
    x = "class"
    y = x
    def f(self):
        return x
    z = [x for _ in range(1)]
print(C.y, C().f(), C.z)
def outer():
    v = "enclosing"
    class D:
        w = v
    return D.w
print(outer())
