// Unicode helpers shared by every stage: UTF-8 <-> code points, the
// character classes of CPython 3.11's unicodedata, and Python's repr() of
// str and bytes.
#pragma once

#include <string>
#include <string_view>

namespace pylife::unicode {

// Decodes UTF-8 [text] (assumed valid) into code points.
std::u32string decode_utf8(std::string_view text);

// Encodes code points as UTF-8.
std::string encode_utf8(std::u32string_view text);

// Appends one code point to [out] as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// Number of code points in valid UTF-8 [text].
size_t count_code_points(std::string_view text);

// str.isalnum() for one character.
bool is_alnum(char32_t c);
// re's \w for str patterns: isalnum() or '_'.
bool is_word(char32_t c);
// May start an identifier (XID_Start or '_').
bool is_xid_start(char32_t c);
// May continue an identifier (XID_Continue).
bool is_xid_continue(char32_t c);
// str.isprintable() for one character.
bool is_printable(char32_t c);
// str.isidentifier() for a whole string.
bool is_identifier(std::u32string_view s);

// unicodedata.normalize('NFKC', text), as identifiers are normalized.
std::u32string nfkc(std::u32string_view text);

// repr() of a Python str held as UTF-8, quotes chosen as Python does.
std::string repr_str(std::string_view utf8);

// repr() of a Python bytes object.
std::string repr_bytes(std::string_view bytes);

}  // namespace pylife::unicode
