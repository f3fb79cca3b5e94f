d = {}
key = [1, 2]
d[key] = "value"
