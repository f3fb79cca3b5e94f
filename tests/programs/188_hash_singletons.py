print(hash(None) == hash(None), {None: 1, ...: 2, NotImplemented: 3})
print(len({None, None, 1}))
