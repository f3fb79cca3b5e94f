# String building: concatenation, join, formatting and methods.
parts = []
for i in range(400000):
    parts.append(f"{i:05d}:" + str(i * 3)[::-1])
text = ",".join(parts)
words = text.split(",")
upper = [w.upper().replace("0", "o") for w in words]
print(len(text), len(upper), upper[123456], text.count("7"))
