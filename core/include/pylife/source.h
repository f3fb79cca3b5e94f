// Stage 0 of the pipeline: turning a file's bytes into source text.
//
// CPython reads source as bytes, finds its encoding (UTF-8 by default, a
// UTF-8 byte-order mark, or a PEP 263 `# coding:` declaration on line 1 or
// 2), decodes it and rejects null bytes.  pylife does the same and keeps the
// text as UTF-8.  Newlines are kept as they are in the file (the tokenize
// module reports `\r\n` in token text); normalize_newlines() gives the
// `\n`-only form the compiler sees.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pylife/fs.h"

namespace pylife::source {

// A SyntaxError found while reading source, with CPython's message.
struct SourceError {
  // What went wrong, for callers that word it differently (tokenize does).
  enum class Kind {
    kNonUtf8,          // undeclared, invalid UTF-8
    kUnicodeError,     // declared UTF-8 (or BOM), invalid UTF-8
    kUnknownEncoding,  // the declared codec is unknown
    kBomMismatch,      // a BOM with a non-UTF-8 declaration
    kDecodeFailed,     // the declared codec cannot decode the bytes
    kNullBytes,        // a NUL character in the text
  };
  Kind kind = Kind::kNonUtf8;
  std::string encoding;     // the declared encoding, when one is involved
  std::string message;      // e.g. "source code cannot contain null bytes"
  int lineno = 0;           // 1-based line, 0 when CPython shows no location
  std::string text;         // the offending line (UTF-8, no newline), if shown
  int fault_line = 0;       // where decoding failed, even when no location is shown
  size_t fault_offset = 0;  // byte offset of the undecodable byte (kDecodeFailed)
  std::string codec;        // Python's codec name for kDecodeFailed ("ascii", "charmap")
};

// Decoded program text.
struct Source {
  std::string filename;  // as given by the caller, used in messages
  std::string encoding;  // the name tokenize's ENCODING token shows
  bool has_bom = false;  // the file began with a UTF-8 byte-order mark
  std::string text;      // UTF-8, BOM removed, newlines as in the file
};

// Either a Source or the error that stopped decoding.
struct DecodeResult {
  bool ok = false;
  Source source;
  SourceError error;
};

// How strictly to decode.
struct DecodeOptions {
  // The tokenize module accepts NUL characters.
  bool allow_null_bytes = false;
  // compile(bytes) decodes UTF-8 lazily (string literals, identifiers), so
  // undeclared invalid UTF-8 is kept, each bad byte b as the lone
  // surrogate U+DC00+b (Python's "surrogateescape"), for the parser to
  // report where CPython does.
  bool escape_invalid_utf8 = false;
};

// Decodes [bytes] read from [filename] as CPython 3.11 would when running
// the file.
DecodeResult decode(std::string_view bytes, std::string_view filename, DecodeOptions options = {});

// The bytes behind UTF-8 [text] in which undecodable bytes were escaped
// as U+DC80..U+DCFF (the inverse of escape_invalid_utf8).
std::string unescape_bytes(std::string_view text);

// Where strict UTF-8 decoding of [bytes] fails: the byte offset and
// Python's reason ("invalid start byte", ...); offset npos when valid.
struct Utf8Check {
  size_t offset = std::string_view::npos;
  std::string reason;
};
Utf8Check check_utf8(std::string_view bytes);

// Checks editor text that is already Unicode (the `compile(str)` path):
// UTF-8 and null bytes are checked, coding declarations are ignored.
DecodeResult from_text(std::string_view text, std::string_view filename);

// Where reading a program file failed: opening it or decoding it.
struct ReadSourceResult {
  enum class Status { kOk, kOsError, kSyntaxError };
  Status status = Status::kOk;
  Source source;
  fs::OsError os_error;      // when status == kOsError
  SourceError syntax_error;  // when status == kSyntaxError
};

// Reads [path] through [files] and decodes it.
ReadSourceResult read(const fs::FileSystem& files, std::string_view path);

// The encoding declared by a PEP 263 comment in [line], normalised as
// CPython's tokenizer does ("utf-8", "iso-8859-1", or the name as written);
// empty when the line declares none.
std::string coding_declaration(std::string_view line);

// Returns [text] with every "\r\n" and lone "\r" turned into "\n".
std::string normalize_newlines(std::string_view text);

// Splits [text] into lines, each keeping its terminator ("\n", "\r\n" or
// "\r"); a final line without terminator is kept too.
std::vector<std::string_view> split_lines(std::string_view text);

// Formats [error] in [filename] as CPython prints an uncaught SyntaxError.
std::string format_error(const SourceError& error, std::string_view filename);

}  // namespace pylife::source
