if (n := len(data)) > 10:
    print(n)
while (chunk := read()):
    pass
values = [y := 1, y ** 2]
f(x := 1)
print((z := 3) + z)
data = {(k := 1): k}
