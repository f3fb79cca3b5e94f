# Recursion that passes through built-ins (map, sorted's key) still ends in
# RecursionError, never a crash.
def deep(n):
    return list(map(lambda x: deep(x + 1), [n]))
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
def keyed(n):
    return sorted([n], key=lambda x: keyed(x + 1))
try:
    keyed(0)
except RecursionError:
    print("RecursionError again")
print("survived")
