# Recursion: every call waits in its own frame until the one it made returns.
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)

print(factorial(5))
