# A dict: each key beside its value.
prices = {"apple": 0.5, "bread": 2.25, "milk": 1.1}
basket = ["apple", "milk"]
total = sum(prices[item] for item in basket)
print(round(total, 2))
