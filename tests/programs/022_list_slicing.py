a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[::3] = [0, 0, 0]
print(a)
del a[1]
del a[::2]
print(a)
a[1:1] = [7, 7, 7]
print(a, a[-3:], a[:-3])
try:
    a[::2] = [1]
except ValueError as e:
    print(e)
b = [1, 2, 3]
b[len(b):] = [4, 5]
print(b, b[10:], b[-1:-4:-1])
