def lines_until_blank(stream):
    collected = []
    while (line := stream.readline().rstrip()):
        collected.append(line)
    return collected

def first_long(words, limit=5):
    if any(len(found := w) > limit for w in words):
        return found
    return None

scores = {name: (total := sum(points)) / len(points) for name, points in [("a", [1, 2])]}
