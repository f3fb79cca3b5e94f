parts = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts))
s = ""
for word in ["alpha", "beta", "gamma"]:
    s += word[0].upper() + word[1:] + " "
print(s.strip() + ".")
table = "\n".join([f"{n:>3} {n*n:>4} {n**3:>5}" for n in range(1, 6)])
print(table)
