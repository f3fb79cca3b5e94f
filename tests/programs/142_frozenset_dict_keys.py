edges = {frozenset({1, 2}): "a-b", frozenset({2, 3}): "b-c"}
print(edges[frozenset({2, 1})], frozenset({1, 2}) == frozenset([2, 1]), len(edges))
print({(1, 2): "pt"}.get((1, 2)), hash(frozenset()) == hash(frozenset()))
