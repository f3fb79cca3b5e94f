b = "héllo".encode()
print(b, len(b), b[0], b[1:3], list(b[:3]), b.decode())
print("abc".encode("ascii"), bytes([65, 66, 67]), bytes(3), b"a" + b"b", b"ab" * 2)
print(b"xyz"[::-1], b"y" in b"xyz", 120 in b"xyz", bytes("ok", "utf-8"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
