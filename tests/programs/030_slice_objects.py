s = slice(1, 8, 2)
data = list(range(10))
print(s, data[s], s.start, s.stop, s.step, "abcdefghij"[s])
print(slice(3), data[slice(None, None, -1)], slice(1, 2) == slice(1, 2))
