# runaway recursion stops with RecursionError, which can be caught; the depth limit is CPython's
import sys

def depth(n):
    return depth(n + 1)

try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)

def count_down(n):
    if n == 0:
        return "done"
    return count_down(n - 1)
print(count_down(500), sys.getrecursionlimit())

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
