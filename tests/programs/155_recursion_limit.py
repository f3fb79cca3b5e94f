import sys
sys.setrecursionlimit(60)
def down(n):
    return n if n == 0 else down(n - 1)
print(down(40))
try:
    down(100)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
