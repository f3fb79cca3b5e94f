// .pyc files: the 16-byte header of PEP 552 and code objects in CPython's
// `marshal` format (version 4: type codes, FLAG_REF back-references,
// interned and short strings, small tuples), read and written.  pylife's
// own .pyc files carry pylife's magic number under the cache tag
// `pylife-311`; CPython 3.11's are read too, byte for byte the same format.
//
// Reading produces, with the objects, the spans of the file that hold each
// field, constant and instruction: the .pyc panel's annotated hex view.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pylife/code.h"

namespace pylife::pyc {

// CPython 3.11's MAGIC_NUMBER (3495) and pylife's own (3.11 semantics,
// pylife's bytecode choices): the first two bytes, little-endian, followed
// by "\r\n" in the file.
constexpr uint16_t kCPython311Magic = 3495;
constexpr uint16_t kPylifeMagic = 20311;
constexpr std::string_view kCacheTag = "pylife-311";

// The flags word (PEP 552).
constexpr uint32_t kHashBased = 0x1;    // a source hash instead of mtime + size
constexpr uint32_t kCheckSource = 0x2;  // hash-based: compare the hash with the source at import

// How an import records a .pyc's source (PEP 552, py_compile's
// invalidation modes): mtime + size, or a source hash checked at import
// or not.
enum class Mode : uint8_t { kTimestamp, kCheckedHash, kUncheckedHash };

struct Header {
  uint16_t magic = kPylifeMagic;
  uint32_t flags = 0;
  uint32_t mtime = 0;        // timestamp-based: the source's modification time (seconds)
  uint32_t source_size = 0;  // timestamp-based: the source's size in bytes, modulo 2**32
  uint64_t hash = 0;         // hash-based: source_hash() of the source bytes

  bool hash_based() const { return (flags & kHashBased) != 0; }
};

// The header of pylife's .pyc for [source] (its bytes, last modified at
// [mtime] seconds) recorded as [mode] says.
Header header_for(Mode mode, std::string_view source, int64_t mtime);

// The Python version a magic number belongs to ("3.11", "pylife 3.11"),
// or "" when unknown.
std::string magic_version(uint16_t magic);

// importlib's source hash for hash-based .pyc files: SipHash-1-3 of the
// source bytes keyed by the magic number (as _imp.source_hash).
uint64_t source_hash(uint16_t magic, std::string_view source);

// The 8 hash bytes in file order, as hex (what bytes.hex() shows).
std::string hash_hex(uint64_t hash);

// Checks that [code] (and the code objects among its constants) can run:
// known opcodes, arguments in range, jumps and handlers on instruction
// boundaries, a consistent operand stack depth within co_stacksize, no
// path falling off the end.  "" when so, else what is wrong: a .pyc that
// unmarshals but would crash the VM is refused like a corrupt one.
std::string verify_code(const compile::CodeObject& code);

// A labelled range of a .pyc file's bytes (the hex view's annotations).
struct Span {
  // What the bytes are: header fields, a code object's type byte, one of
  // its int fields, an instruction of co_code, a str, a number, a tuple or
  // frozenset, a back-reference, another constant, the check trailer.
  enum class Kind : uint8_t { kHeader, kCode, kField, kInstruction, kString, kNumber, kContainer, kRef, kConstant, kTrailer };
  uint32_t begin = 0, end = 0;  // [begin, end) in the file
  int depth = 0;                // nesting: 0 header and the top code object
  Kind kind = Kind::kConstant;
  std::string what;             // "magic number 3495 (3.11)", "co_consts[1]: 'hi'", "LOAD_CONST 1"
  int code_index = -1;          // the code object (pre-order index) it belongs to
  int instr_offset = -1;        // co_code: the instruction's byte offset in its code object
};

struct ReadResult {
  bool ok = false;
  std::string error;  // CPython's words: "bad marshal data (unknown type code)", ...
  Header header;
  std::shared_ptr<compile::CodeObject> code;
  std::vector<Span> spans;  // when asked for
  // The code objects in pre-order (code_index of a span), when spans were asked for.
  std::vector<std::shared_ptr<const compile::CodeObject>> codes;
  size_t consumed = 0;  // unmarshal_code: the bytes the object took
};

// The marshalled form of [code] (what marshal.dumps(code) gives).
std::string marshal_code(const compile::CodeObject& code);

// Reads one marshalled code object; [base] is where [bytes] start in the
// file (for spans).
ReadResult unmarshal_code(std::string_view bytes, bool want_spans = false, uint32_t base = 0);

// pylife's .pyc files end with an 8-byte check trailer: "pylc" and the
// CRC-32 of every byte before it.  marshal.loads ignores bytes after the
// object, so CPython still reads the file; pylife refuses a pylife .pyc
// whose check fails (a flipped bit could otherwise make bytecode that
// passes every structural check but crashes the VM).
constexpr std::string_view kTrailerTag = "pylc";
constexpr size_t kTrailerSize = 8;

// A whole .pyc file: header + marshal_code(code) (+ the check trailer for
// pylife's magic number).
std::string write_pyc(const Header& header, const compile::CodeObject& code);

// Parses a .pyc file: a header shorter than 16 bytes, an unknown magic
// number, reserved flag bits or bad marshal data are errors.
ReadResult read_pyc(std::string_view bytes, bool want_spans = false);

// The header alone (first 16 bytes); false when too short.
bool read_header(std::string_view bytes, Header* out);

// The header as `pylife pyc` prints it, one field per line.
std::string describe_header(const Header& h);

// co_linetable / co_exceptiontable in CPython 3.11's encodings.
std::string encode_linetable(const compile::CodeObject& code);
bool decode_linetable(std::string_view table, int firstlineno, size_t code_units,
                      std::vector<compile::Position>* out);
std::string encode_exception_table(const std::vector<compile::ExceptionEntry>& entries);
bool decode_exception_table(std::string_view table, std::vector<compile::ExceptionEntry>* out);

// The cache file of [source_path]: dir/__pycache__/NAME.pylife-311.pyc.
std::string cache_path(std::string_view source_path);

}  // namespace pylife::pyc
