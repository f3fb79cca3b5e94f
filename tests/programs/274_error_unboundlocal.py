# UnboundLocalError: assigning to a name anywhere in a function makes it local everywhere in it
counter = 0

def increment_ok():
    global counter
    counter += 1
    return counter

def increment_broken():
    counter += 1
    return counter

print(increment_ok())
print(increment_broken())
