# hashlib (sha1, sha256, sha512 in pylife's own Python) and random.seed with a str or bytes (seeded through SHA-512, as CPython)
import hashlib, random
for data in [b"", b"abc", b"hello world" * 20, "héllo".encode()]:
    print(hashlib.sha256(data).hexdigest())
    print(hashlib.sha512(data).hexdigest()[:64])
    print(hashlib.sha1(data).hexdigest())
h = hashlib.sha256()
h.update(b"part one, ")
h.update(b"part two")
print(h.hexdigest(), h.name, h.digest_size, h.block_size, hashlib.new("SHA1", b"x").hexdigest())
random.seed("text seed")
print(random.random(), random.randint(1, 100))
random.seed(b"bytes")
print(random.random())
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError:", e)
