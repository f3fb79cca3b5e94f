# A 500-item list folds to its first rows and how many more.
squares = [n * n for n in range(500)]
small = squares[:3]
print(len(squares), small)
