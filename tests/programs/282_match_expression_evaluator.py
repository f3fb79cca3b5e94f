# match on nested tuples: a tiny arithmetic expression evaluator and simplifier
def evaluate(expr, env):
    match expr:
        case int() | float() as number:
            return number
        case str(name):
            return env[name]
        case ("neg", operand):
            return -evaluate(operand, env)
        case ("+" | "-" | "*" | "/" as op, left, right):
            a, b = evaluate(left, env), evaluate(right, env)
            match op:
                case "+": return a + b
                case "-": return a - b
                case "*": return a * b
                case "/": return a / b
        case _:
            raise ValueError(f"bad expression {expr!r}")

def simplify(expr):
    match expr:
        case ("*", 0, _) | ("*", _, 0):
            return 0
        case ("*", 1, x) | ("*", x, 1) | ("+", 0, x) | ("+", x, 0):
            return simplify(x)
        case (op, left, right):
            return (op, simplify(left), simplify(right))
        case _:
            return expr

env = {"x": 3, "y": 4}
e = ("+", ("*", "x", "x"), ("*", "y", ("neg", 2)))
print(evaluate(e, env))
print(simplify(("+", ("*", 1, "x"), ("*", "y", 0))), simplify(("-", ("+", "a", 0), 5)))
try:
    evaluate(("%", 1, 2), env)
except ValueError as err:
    print("ValueError:", err)
