print((10).bit_count() if hasattr(10, "bit_count") else 2, (-7).bit_length(), (12).conjugate(), (5).real, (5).imag)
print(int.__name__, (3).__class__.__name__, isinstance(2**100, int))
