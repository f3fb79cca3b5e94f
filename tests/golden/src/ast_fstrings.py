name = "world"
width = 10
a = f"hello {name}"
b = f"{name!r} {name!s} {name!a}"
c = f"{3.14159:.2f} {name:>{width}} {name:{width}.{3}}"
d = f"{{literal braces}} {name}"
e = f"{name=}"
f = f"{name = }"
g = f"{name=!s:>10}"
h = f"nested {f'{name}'} quotes"
i = f"{'a' if name else 'b'}"
j = f"{x:{'>' if x else '<'}10}" if (x := 1) else ""
k = f'''multi
{name}
line'''
l = f"" f"{name}" "plain" f"end"
m = "plain" f"{name}"
n = f"{lambda_: 1}" if False else f"{ {1: 2}[1] }"
o = rf"\d{name}\n" + fr'{name}\t'
p = f"{name!r:^20}"
q = f"{1}{2}{3}"
r = f"{name:}"
