from mod_shapes import *
print(area_square(2), NAME)
try:
    print(_private)
except NameError as e:
    print(e)
