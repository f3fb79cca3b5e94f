# Graph churn: nodes joined in rings and cross links, dropped and rebuilt,
# with a few long-lived ones; the collector runs often and finds cycles.
class Vertex:
    __slots__ = ("id", "edges", "data")

    def __init__(self, i):
        self.id = i
        self.edges = []
        self.data = {"id": i}


keep = []
checksum = 0
for round_ in range(400):
    ring = [Vertex(i) for i in range(300)]
    for i, v in enumerate(ring):
        v.edges.append(ring[(i + 1) % 300])
        v.edges.append(ring[(i * 7) % 300])
        v.data["next"] = v.edges[0]
    checksum += sum(len(v.edges) for v in ring)
    if round_ % 50 == 0:
        keep.append(ring[0])
    ring = None
print(checksum, len(keep))
