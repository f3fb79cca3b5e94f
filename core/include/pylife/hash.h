// SipHash-1-3, the keyed hash CPython 3.11 uses for str/bytes hashes
// (key 0, 0 under PYTHONHASHSEED=0) and for hash-based .pyc files
// (_imp.source_hash: key the magic number); CRC-32 for pylife's .pyc
// check trailer.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pylife::hash {

uint64_t siphash13(uint64_t k0, uint64_t k1, const uint8_t* data, size_t size);

// CRC-32 (zlib's, as binascii.crc32).
uint32_t crc32(const uint8_t* data, size_t size, uint32_t crc = 0);

}  // namespace pylife::hash
