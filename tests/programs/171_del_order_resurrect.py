class D:
    def __init__(self, n): self.n = n
    def __del__(self):
        print("del", self.n)
a = D(1)
b = D(2)
a = None
print("between")
lst = [D(3), D(4)]
lst.pop()
del lst
class R:
    saved = []
    def __del__(self):
        print("resurrect")
        R.saved.append(self)
r = R(); del r
print(len(R.saved))
R.saved.clear()
print("end")
