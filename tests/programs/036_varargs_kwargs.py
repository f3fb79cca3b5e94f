def total(*nums, scale=1, **opts):
    return sum(nums) * scale, sorted(opts.items())
print(total(), total(1, 2, 3), total(1, 2, scale=10), total(4, debug=True, name="x"))
def show(a, /, b, *, c):
    return a, b, c
print(show(1, 2, c=3), show(1, b=2, c=3))
args = (1, 2)
kwargs = {"c": 9}
print(show(*args, **kwargs))
def pass_through(*a, **k):
    return show(*a, **k)
print(pass_through(7, 8, c=9))
