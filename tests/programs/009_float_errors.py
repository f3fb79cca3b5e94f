def attempt(expr):
    try:
        print(expr, "=", eval_expr(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)
def eval_expr(s):
    a, op, b = s.split()
    a = float(a) if "." in a else int(a)
    b = float(b) if "." in b else int(b)
    if op == "/": return a / b
    if op == "//": return a // b
    if op == "%": return a % b
    if op == "**": return a ** b
for e in ["1 / 0", "1.0 / 0", "1 // 0", "1.0 // 0.0", "1 % 0", "5.0 % 0", "0.0 ** -1", "2.0 ** 10000", "10 ** -1"]:
    attempt(e)
