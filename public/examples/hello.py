# The smallest life of a Python program: one call, one string, one print.
def greet(name):
    return f"Hello, {name}!"


message = greet("world")
print(message)
