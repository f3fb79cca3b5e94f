counter = 0
def outer():
    global counter
    value = 1
    def inner():
        nonlocal value
        global counter, other
        value += 1
        counter += 1
    return inner
