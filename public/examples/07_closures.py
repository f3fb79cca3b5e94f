# A closure keeps a cell alive after the function that made it returned.
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

tick = make_counter()
tick()
tick()
print(tick())   # 3
