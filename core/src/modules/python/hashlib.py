"""Secure hashes: sha1, sha256 and sha512 in pure Python (pylife's own
hashlib, FIPS 180-4).  The round constants are computed here from the
primes, as the standard defines them (fractional parts of square and cube
roots), instead of being typed in.  Objects have update(), digest(),
hexdigest(), copy(), name, digest_size and block_size; new(name, data)
builds one by name.
"""

__all__ = ["sha1", "sha256", "sha512", "new", "algorithms_available", "algorithms_guaranteed"]

algorithms_guaranteed = {"sha1", "sha256", "sha512"}
algorithms_available = set(algorithms_guaranteed)


def _primes(n):
    found = []
    candidate = 2
    while len(found) < n:
        if all(candidate % p for p in found if p * p <= candidate):
            found.append(candidate)
        candidate += 1
    return found


def _icbrt(n):
    """The integer cube root of n (floor)."""
    x = 1 << ((n.bit_length() + 2) // 3)
    while True:
        y = (2 * x + n // (x * x)) // 3
        if y >= x:
            break
        x = y
    while x * x * x > n:
        x -= 1
    while (x + 1) ** 3 <= n:
        x += 1
    return x


def _isqrt(n):
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            break
        x = y
    return x


def _fraction_bits(root, p, bits):
    """The first [bits] bits of the fractional part of p's square or cube root."""
    if root == 2:
        return _isqrt(p << (2 * bits)) & ((1 << bits) - 1)
    return _icbrt(p << (3 * bits)) & ((1 << bits) - 1)


_P80 = _primes(80)
_K256 = [_fraction_bits(3, p, 32) for p in _P80[:64]]
_H256 = [_fraction_bits(2, p, 32) for p in _P80[:8]]
_K512 = [_fraction_bits(3, p, 64) for p in _P80]
_H512 = [_fraction_bits(2, p, 64) for p in _P80[:8]]
_M32 = 0xFFFFFFFF
_M64 = 0xFFFFFFFFFFFFFFFF


def _bytes_of(data):
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    if not isinstance(data, bytes):
        raise TypeError(f"object supporting the buffer API required")
    return data


def _words(block, size):
    """Big-endian words of [size] bytes."""
    return [int(block[i:i + size].hex(), 16) for i in range(0, len(block), size)]


class _Hash:
    def __init__(self, data=b""):
        self._h = list(self._initial)
        self._buffer = b""
        self._length = 0
        if data:
            self.update(data)

    def update(self, data):
        data = _bytes_of(data)
        self._length += len(data)
        buf = self._buffer + data
        size = self.block_size
        full = len(buf) - len(buf) % size
        for i in range(0, full, size):
            self._compress(buf[i:i + size])
        self._buffer = buf[full:]

    def copy(self):
        other = type(self)()
        other._h = list(self._h)
        other._buffer = self._buffer
        other._length = self._length
        return other

    def digest(self):
        final = self.copy()
        size = self.block_size
        length_bytes = 16 if size == 128 else 8
        bit_length = self._length * 8
        pad = b"\x80" + b"\x00" * ((size - length_bytes - 1 - len(self._buffer)) % size)
        tail = bytes((bit_length >> (8 * i)) & 0xFF for i in reversed(range(length_bytes)))
        final.update_raw(pad + tail)
        word = self._word_size
        out = b""
        for h in final._h[:self.digest_size // word]:
            out += bytes((h >> (8 * i)) & 0xFF for i in reversed(range(word)))
        return out

    def update_raw(self, data):
        buf = self._buffer + data
        for i in range(0, len(buf), self.block_size):
            self._compress(buf[i:i + self.block_size])
        self._buffer = b""

    def hexdigest(self):
        return self.digest().hex()

    def __repr__(self):
        return f"<{self.name} _hashlib.HASH object>"


class _Sha2(_Hash):
    """SHA-256 and SHA-512: one compression function over their word
    size, constants and shift amounts."""

    def _compress(self, block):
        m = self._mask
        bits = self._word_size * 8

        def rot(x, n):
            return ((x >> n) | (x << (bits - n))) & m
        (a0, b0, c0), (a1, b1, c1), (e0, e1, e2), (f0, f1, f2) = self._shifts
        k = self._k
        w = _words(block, self._word_size)
        for t in range(16, len(k)):
            x, y = w[t - 15], w[t - 2]
            s0 = rot(x, a0) ^ rot(x, b0) ^ (x >> c0)
            s1 = rot(y, a1) ^ rot(y, b1) ^ (y >> c1)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & m)
        a, b, c, d, e, f, g, h = self._h
        for t in range(len(k)):
            t1 = (h + (rot(e, e0) ^ rot(e, e1) ^ rot(e, e2)) + ((e & f) ^ (~e & g & m)) + k[t] + w[t]) & m
            t2 = ((rot(a, f0) ^ rot(a, f1) ^ rot(a, f2)) + ((a & b) ^ (a & c) ^ (b & c))) & m
            h, g, f, e, d, c, b, a = g, f, e, (d + t1) & m, c, b, a, (t1 + t2) & m
        self._h = [(x + y) & m for x, y in zip(self._h, [a, b, c, d, e, f, g, h])]


class sha256(_Sha2):
    name = "sha256"
    digest_size = 32
    block_size = 64
    _word_size = 4
    _mask = _M32
    _initial = _H256
    _k = _K256
    _shifts = ((7, 18, 3), (17, 19, 10), (6, 11, 25), (2, 13, 22))


class sha512(_Sha2):
    name = "sha512"
    digest_size = 64
    block_size = 128
    _word_size = 8
    _mask = _M64
    _initial = _H512
    _k = _K512
    _shifts = ((1, 8, 7), (19, 61, 6), (14, 18, 41), (28, 34, 39))


class sha1(_Hash):
    name = "sha1"
    digest_size = 20
    block_size = 64
    _word_size = 4
    _initial = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]

    def _compress(self, block):
        w = _words(block, 4)
        for t in range(16, 80):
            x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]
            w.append(((x << 1) | (x >> 31)) & _M32)
        a, b, c, d, e = self._h
        for t in range(80):
            if t < 20:
                f, k = (b & c) | (~b & d), 0x5A827999
            elif t < 40:
                f, k = b ^ c ^ d, 0x6ED9EBA1
            elif t < 60:
                f, k = (b & c) | (b & d) | (c & d), 0x8F1BBCDC
            else:
                f, k = b ^ c ^ d, 0xCA62C1D6
            temp = ((((a << 5) | (a >> 27)) & _M32) + (f & _M32) + e + k + w[t]) & _M32
            a, b, c, d, e = temp, a, ((b << 30) | (b >> 2)) & _M32, c, d
        self._h = [(x + y) & _M32 for x, y in zip(self._h, [a, b, c, d, e])]


def new(name, data=b""):
    constructors = {"sha1": sha1, "sha256": sha256, "sha512": sha512}
    key = name.lower()
    if key not in constructors:
        raise ValueError(f"unsupported hash type {name}")
    return constructors[key](data)
