class T:
    def f(self, __):
        __ = 1
        ___ = 2
        return __, ___, self.__x
