# a name may be captured only once per pattern
match (1, 2):
    case (x, x):
        print(x)
