prices = {"apple": 1.0, "pear": 2.5}
order = ["apple", "pear", "plum"]
cost = 0
for fruit in order:
    cost += prices[fruit]
print(cost)
