# a capture pattern before other cases makes them unreachable: a SyntaxError
def f(x):
    match x:
        case y:
            return y
        case 1:
            return 1
