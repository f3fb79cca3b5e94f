name, n, x = "Ada", 7, 2.5
print("%s has %d items" % (name, n))
print("%5d|%-5d|%05d|%+d|%x|%X|%o|%#x|%#o" % (n, n, n, n, 255, 255, 8, 255, 8))
print("%.2f|%8.3f|%-8.1f|%e|%g|%G" % (x, x, x, 12345.678, 0.0000123, 1e20))
print("%s %r %a" % ("s", "r", "é"), "%c%c" % (65, "z"), "100%%" % ())
print("%(a)s-%(b)d" % {"a": "x", "b": 3}, "%s" % [1, 2], "%s" % (None,))
try:
    print("%d" % "x")
except TypeError as e:
    print(e)
try:
    print("%s %s" % (1,))
except TypeError as e:
    print(e)
