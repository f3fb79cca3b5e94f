a and b
a or b
a and b and c
a or b or c
a and b or c and d
a or (b or c)
(a and b) and c
not a and not b
not (a or b)
x = a if b and c else d or e
