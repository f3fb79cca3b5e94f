# itertools + collections in a data pipeline: sales grouped by month, running totals, top sellers
import itertools
from collections import Counter

sales = [
    ("2024-01", "apples", 3), ("2024-01", "pears", 5), ("2024-02", "apples", 2),
    ("2024-02", "plums", 7), ("2024-02", "apples", 4), ("2024-03", "pears", 1),
]
for month, rows in itertools.groupby(sales, key=lambda r: r[0]):
    rows = list(rows)
    print(month, sum(r[2] for r in rows), [r[1] for r in rows])
monthly = [sum(r[2] for r in g) for _, g in itertools.groupby(sales, key=lambda r: r[0])]
print(list(itertools.accumulate(monthly)))
totals = Counter()
for _, fruit, n in sales:
    totals[fruit] += n
print(totals.most_common(2))
pairs = list(itertools.combinations(sorted(totals), 2))
print(pairs, list(itertools.chain.from_iterable(pairs))[:3])
print(list(itertools.islice(itertools.cycle(["red", "green"]), 5)), list(zip(itertools.count(1), "abc")))
