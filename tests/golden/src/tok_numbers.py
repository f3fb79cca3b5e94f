# Every form of number literal.
a = 0, 00, 0_0, 7, 1_000_000, 123456789012345678901234567890
b = 0x1F, 0XdeadBEEF, 0x_ff, 0o17, 0O7_7, 0b1010, 0B_1
c = 3.14, 10., .001, 1e10, 1E-5, 2.5e+3, 1_0.0_1e1_0, 0e0
d = 1j, 3.5J, 1e3j, .5j, 10.j, 0j
e = 1 .real, 1.0.hex(), 0x10.bit_length
f = 1if 1else 0
