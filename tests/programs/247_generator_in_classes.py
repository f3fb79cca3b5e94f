# __iter__ written as a generator; generators over class data; reversed via __reversed__ generator
class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)
    def __iter__(self):
        for i, song in enumerate(self.songs, 1):
            yield f"{i}. {song}"
    def __reversed__(self):
        for song in reversed(self.songs):
            yield song.upper()
    def shuffled(self, seed):
        order = sorted(range(len(self.songs)), key=lambda i: (i * seed) % 7)
        for i in order:
            yield self.songs[i]

p = Playlist("intro", "verse", "chorus", "outro")
for line in p:
    print(line)
print(list(reversed(p)), list(p.shuffled(3)), "intro" in p.songs)
it = iter(p)
print(next(it), type(it).__name__)

class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def cells(self):
        for r, row in enumerate(self.rows):
            for c, v in enumerate(row):
                yield (r, c), v
    def column(self, c):
        return (row[c] for row in self.rows)
m = Matrix([[1, 2], [3, 4]])
print(dict(m.cells()), list(m.column(1)), sum(m.column(0)))
