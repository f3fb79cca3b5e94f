x, y = 0b1100, 0b1010
print(x & y, x | y, x ^ y, ~x, x << 3, x >> 2, -x >> 1)
print(bin(x), oct(64), hex(255), hex(-255), bin(-5))
print((1 << 100) >> 98, (2 ** 70) & (2 ** 70 - 1), (2 ** 70) | 1)
print((255).bit_length(), (-1).bit_length(), (0).bit_length(), (2**100).bit_length())
print(True + True, True & False, True | False, True ^ True, ~True)
