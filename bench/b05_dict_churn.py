# Dict churn: insert, look up, update and delete string and int keys.
d = {}
for i in range(800000):
    d["k" + str(i % 5000)] = d.get("k" + str(i % 5000), 0) + i
for i in range(0, 5000, 2):
    del d["k" + str(i)]
counts = {}
for i in range(800000):
    counts[i % 997] = counts.get(i % 997, 0) + 1
print(len(d), sum(d.values()), len(counts), counts[5])
