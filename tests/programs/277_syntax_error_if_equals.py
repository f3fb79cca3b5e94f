# a classic beginner mistake: = instead of == in an if statement is a SyntaxError with a hint
score = 90
if score = 100:
    print("perfect")
