print("Hello, world!")
print()
print("a", "b", sep="-", end="!\n")
