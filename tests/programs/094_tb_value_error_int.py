numbers = ["1", "2", "three"]
total = sum([int(n) for n in numbers])
