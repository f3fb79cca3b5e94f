b = bytes(range(65, 71))
print(b, b.decode('ascii'), b[2:4], b[::-1], len(b), b'C' in b)
print(bytes('héllo', 'utf-8'), 'héllo'.encode('latin-1'), b'ab' < b'b', b'x' == b'x')
print(list(b'hi'), bytes(2), repr(b"\x00\xff\n'"), b'abc'[1])
