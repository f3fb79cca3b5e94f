# if / while / for, break and continue, and where the line numbers go.
x = 0
if x > 0:
    y = -x
elif x:
    pass
else:
    y = [1, 2, (3,)]
while x < 10:
    x += 1
    if x == 5:
        continue
    if x == 8:
        break
else:
    x = None
for i in range(3):
    if i:
        print(i)
for line in lines:
    if pattern in line:
        write(line)
while True:
    buf = read()
    if not buf:
        break
    write(buf)
if a and b or c:
    r = a or b and c
if not (a or b):
    r = x and y and z
