x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 <= 6, x == 5 == 5.0, 1 < 2 < 3 < 2)
print('a' < 'b' < 'c', [1, 2] < [1, 3], (1, 'a') < (1, 'b'), 'abc' < 'abd' < 'b')

def noisy(v):
    print('eval', v)
    return v
print(noisy(1) < noisy(2) < noisy(0) < noisy(5))
print(True, x in [5] in [[5]])
