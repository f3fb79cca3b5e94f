name = input("Name? ")
age = int(input("Age? "))
print(f"Hello {name}, next year you will be {age + 1}")
lines = []
while True:
    try:
        line = input()
    except EOFError:
        break
    lines.append(line)
print(lines)
