d = {}
for i in range(10000):
    d[i] = i * i
for i in range(0, 10000, 2):
    del d[i]
print(len(d), d[9999], sum(d.values()) % 1000007, list(d)[:5])
d2 = {str(i): i for i in range(1000)}
print(d2["500"], len(d2), "1000" in d2)
