# abs() of big ints (a positive one was negated) and arithmetic around them
big = int("ab" * 40, 16)
print(abs(big) == big, abs(-big) == big, abs(big) >> 300, abs(-(2**100)), abs(2**64), -abs(-(2**70)))
print(abs(-5), abs(0), abs(-(2**63)), abs(2**63 - 1))
