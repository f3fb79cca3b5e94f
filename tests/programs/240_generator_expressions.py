# generator expressions: laziness, single use, scoping of the first iterable, use in calls
evaluated = []
def source(n):
    for i in range(n):
        evaluated.append(i)
        yield i

squares = (x * x for x in source(5))
print(evaluated)
print(next(squares), evaluated)
print(list(squares), evaluated, list(squares))

print(sum(x for x in range(10) if x % 3 == 0), max(len(w) for w in "a bb ccc".split()))
print(any(n > 3 for n in [1, 5]), all(n > 3 for n in [4, 5]), sorted((-x for x in [3, 1, 2])))
print(dict((k, v) for k, v in zip("ab", [1, 2])), set(c.upper() for c in "hello"), tuple(i for i in range(3)))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))

x = 10
gen = (x + i for i in range(3))
x = 20
print(list(gen))
try:
    bad = (1 / y for y in [1, 0])
    print(next(bad))
    print(next(bad))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    list(n for n in 5)
except TypeError as e:
    print("TypeError:", e)
g = (i for i in range(2))
print(type(g).__name__, g.__name__)
