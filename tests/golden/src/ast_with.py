with open("f") as f:
    pass
with a as b, c as d, e:
    pass
with (a as b, c as d):
    pass
with (a, b):
    pass
with (yield):
    pass
with a as (b, c):
    pass
with a as b.c, d as e[0]:
    pass
with (
    open("a") as a,
    open("b") as b,
):
    pass
