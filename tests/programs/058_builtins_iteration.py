it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), "".join(reversed("xyz")))
print(sorted(reversed(sorted([3, 1, 2]))), list(iter("ab")))
calls = iter([5, 4, 3, 0, 9])
print(list(iter(lambda: next(calls), 0)))
print(len([1, 2]), len("abc"), len({"a": 1}), len(range(10)), len(set("aab")))
