nums = [5, 3, 8, 1, 9, 2]
print(list(map(lambda x: x * 2, nums)), list(filter(lambda x: x > 4, nums)))
print(list(map(pow, [2, 3, 4], [3, 2, 1])), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(zip("abc", [1, 2, 3], (True, False, None))), list(zip([1, 2, 3], "ab")))
print(list(enumerate("xyz")), list(enumerate("xy", 10)), dict(zip("ab", range(2))))
square = lambda n: n * n
compose = lambda f, g: lambda x: f(g(x))
print(square(7), compose(square, abs)(-3), (lambda *a, **k: (a, k))(1, z=2))
m = map(str, range(3))
print(next(m), list(m), list(m))
