points = [(3, 4), (-1, 2), (0, 0), (5, -5)]
dist = lambda p: (p[0] ** 2 + p[1] ** 2) ** 0.5
print(sorted(points, key=dist), [round(dist(p), 3) for p in points])
x, y = zip(*points)
print(x, y, max(points), min(points, key=lambda p: p[1]))
