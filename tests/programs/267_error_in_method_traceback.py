# an uncaught exception raised inside a property called from a dunder method: every frame in the traceback
class Grid:
    def __init__(self, rows):
        self.rows = rows

    @property
    def width(self):
        return len(self.rows[0])

    def __getitem__(self, pos):
        r, c = pos
        if not 0 <= c < self.width:
            raise IndexError(f"column {c} outside 0..{self.width - 1}")
        return self.rows[r][c]

class Board(Grid):
    def cell(self, r, c):
        return self[r, c]

b = Board([[1, 2], [3, 4]])
print(b.cell(1, 0), b.width)
print(Board([]).cell(0, 0))
