import math
for f, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -2), (math.acos, 2), (math.factorial, -1), (math.exp, 1000)]:
    try:
        print(f(arg))
    except (ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
try:
    math.factorial(2.5)
except TypeError as e:
    print(e)
