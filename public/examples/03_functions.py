# Each call pushes a new frame with its own local variables.
def area(width, height):
    result = width * height
    return result

def describe(w, h):
    a = area(w, h)
    return f"{w} x {h} = {a}"

print(describe(3, 4))
print(describe(5, 2))
