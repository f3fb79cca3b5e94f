a < b
a < b < c
a == b != c
a is b is not c
a in b not in c
1 < x <= 10 > y >= 0
(a < b) < c
a < (b < c)
