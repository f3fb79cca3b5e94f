# A recursion: one frame per call, the running one on top.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

print(fact(5))
