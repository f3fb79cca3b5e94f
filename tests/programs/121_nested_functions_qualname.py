def outer():
    def inner():
        pass
    return inner
print(outer.__qualname__, outer().__qualname__)
class K:
    def m(self):
        def local():
            pass
        return local
print(K.m.__qualname__, K().m().__qualname__, (lambda: 0).__qualname__)
