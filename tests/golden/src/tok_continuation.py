# Explicit and implicit line joining.
total = 1 + \
        2 + \
    3
items = [
    1, 2,
    3,
]
call(a,
     b,
     c=(1 +
        2))
if a and \
   b:
    pass
x = {
    'k': 'v',
    }
s = ('implicit'
     'concatenation')
