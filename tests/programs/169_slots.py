class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
s = S()
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
print(s.a, hasattr(s, 'b'))
