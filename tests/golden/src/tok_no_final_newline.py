# No newline at the end of the file.
def f():
    return 1
x = f()