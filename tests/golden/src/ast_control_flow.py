if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    continue_flag = True
for i in range(10):
    if i:
        continue
    break
else:
    pass
for a, (b, c) in items:
    pass
for x, in y:
    pass
def f():
    return
def g():
    return 1, 2
assert x
assert x, "message"
raise
raise ValueError
raise ValueError("x") from None
raise ValueError("x") from err
global_var = 1
