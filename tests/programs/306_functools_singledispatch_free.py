# functools.reduce patterns and partial application to build small utilities
import functools
import operator

compose = lambda *fs: functools.reduce(lambda f, g: lambda x: g(f(x)), fs)
inc = functools.partial(operator.add, 1)
double = functools.partial(operator.mul, 2)
pipeline = compose(inc, double, str)
print(pipeline(4), compose(str.strip, str.upper)("  hi  "))
print(functools.reduce(operator.or_, [{1}, {2}, {1, 3}]), functools.reduce(max, [3, 9, 2]))
flatten = functools.partial(functools.reduce, operator.concat)
print(flatten([[1], [2, 3], []]))
def fact(n):
    return functools.reduce(operator.mul, range(1, n + 1), 1)
print([fact(n) for n in range(7)])
words = ["alpha", "beta", "gamma"]
print(functools.reduce(lambda acc, w: {**acc, w[0]: w}, words, {}))
