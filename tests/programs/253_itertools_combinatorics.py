# itertools: product, permutations, combinations (with replacement), counting arrangements
import itertools as it

print(list(it.product("ab", [1, 2])), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
coins = [1, 2, 5]
ways = [c for n in range(1, 4) for c in it.combinations_with_replacement(coins, n) if sum(c) == 5]
print(ways)
print(["".join(p) for p in it.permutations("cat") if "".join(p) != "cat"])
print(list(it.product([0, 1], repeat=2)), list(it.combinations([], 0)), list(it.permutations([1], 2)))
