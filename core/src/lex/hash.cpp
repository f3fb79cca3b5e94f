// SipHash-1-3 (CPython's Python/pyhash.c siphash13) and CRC-32.
#include "pylife/hash.h"

namespace pylife::hash {

uint64_t siphash13(uint64_t k0, uint64_t k1, const uint8_t* in, size_t size) {
  auto rotate = [](uint64_t x, int b) { return (x << b) | (x >> (64 - b)); };
  uint64_t v0 = k0 ^ 0x736f6d6570736575ULL, v1 = k1 ^ 0x646f72616e646f6dULL;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ULL, v3 = k1 ^ 0x7465646279746573ULL;
  auto round = [&] {
    v0 += v1; v2 += v3; v1 = rotate(v1, 13) ^ v0; v3 = rotate(v3, 16) ^ v2; v0 = rotate(v0, 32);
    v2 += v1; v0 += v3; v1 = rotate(v1, 17) ^ v2; v3 = rotate(v3, 21) ^ v0; v2 = rotate(v2, 32);
  };
  uint64_t b = static_cast<uint64_t>(size) << 56;
  size_t n = size;
  while (n >= 8) {
    uint64_t mi = 0;
    for (int k = 7; k >= 0; --k) mi = (mi << 8) | in[k];
    in += 8;
    n -= 8;
    v3 ^= mi;
    round();
    v0 ^= mi;
  }
  uint64_t t = 0;
  for (size_t k = n; k-- > 0;) t = (t << 8) | in[k];
  b |= t;
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xff;
  round();
  round();
  round();
  return (v0 ^ v1) ^ (v2 ^ v3);
}

uint32_t crc32(const uint8_t* data, size_t size, uint32_t crc) {
  crc = ~crc;
  for (size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

}  // namespace pylife::hash
