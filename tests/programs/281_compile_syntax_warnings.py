# the compiler's SyntaxWarnings: is with a literal, calling or indexing a literal, invalid number literals
x = 5
print(x is 5, x is not "a", x is None, x is -1)
try:
    None()
except TypeError as e:
    print(e)
try:
    "abc"[1.5]
except TypeError as e:
    print(e)
try:
    (1, 2)(3)
except TypeError as e:
    print(e)
print([1,2][True], "ab"[0], {1}, 1e5)
print(1if x else 2, [0x1for _ in ()])
