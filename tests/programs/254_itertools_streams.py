# itertools: count, cycle, repeat, chain, islice, accumulate, groupby, zip_longest, starmap, tee, pairwise
import itertools as it
import operator

print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.chain([1, 2], "ab", range(2))), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], operator.mul, initial=10)))
data = sorted("mississippi")
print([(k, len(list(g))) for k, g in it.groupby(data)])
people = [("ann", "NY"), ("bob", "LA"), ("cy", "NY")]
for city, group in it.groupby(sorted(people, key=lambda p: p[1]), key=lambda p: p[1]):
    print(city, [name for name, _ in group])
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.pairwise("abcd")), list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(6))), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
