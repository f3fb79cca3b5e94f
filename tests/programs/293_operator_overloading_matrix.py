# a Matrix class: +, -, * (scalar and matrix), @, ==, indexing with tuples, iteration and repr
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n, self.m = len(self.rows), len(self.rows[0])
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])
    def __sub__(self, other):
        return self + other * -1
    def __mul__(self, k):
        return Matrix([[a * k for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __matmul__(self, other):
        if self.m != other.n:
            raise ValueError(f"shapes {self.n}x{self.m} and {other.n}x{other.m} do not align")
        return Matrix([[sum(self[i, k] * other[k, j] for k in range(self.m)) for j in range(other.m)]
                       for i in range(self.n)])
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def __iter__(self):
        return iter(self.rows)
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])

A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A + B, A - B, 2 * A, A * 3)
print(A @ B, A @ Matrix.identity(2) == A, A == B, A[1, 0])
print([sum(r) for r in A])
try:
    A @ Matrix([[1, 2, 3]])
except ValueError as e:
    print("ValueError:", e)
try:
    A @ 3
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
