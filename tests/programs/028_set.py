a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < a, a >= {1})
a.add(10); a.discard(99); a.remove(1)
print(a, len(a), 2 in a, sorted(a))
print(set([3, 1, 2, 3, 1]), set(), frozenset({2, 1}), set(range(5)) - {0})
print(a.union([100]), a.intersection({2, 3}), a.difference({2}), a.symmetric_difference({2, 50}))
print({x % 4 for x in range(20)}, a.isdisjoint({7}), a.issubset(range(20)), {1, 2}.issuperset([1]))
s = {5, 1, 9, 100, 33, 17}
print(s, s.pop(), s)
try:
    a.remove(77)
except KeyError as e:
    print("KeyError", e)
