# Freed memory is reused: a new object of the same size often lands
# exactly where a freed one was (same block of the same pool).
first = [1, 2, 3]
where = id(first)
del first                      # its refcount reaches 0: the block is free
second = [4, 5, 6]             # the same size: the same block again
print("same address:", id(second) == where)

points = [(x, x) for x in range(1000)]
print(len(points), "tuples made")
del points                     # all freed at once, their blocks reusable
more = [(x, -x) for x in range(1000)]
print(len(more), "more tuples, in the same pools")
