// Literal values: integers of any size, floats, and string/bytes escapes,
// decoded as CPython 3.11 decodes them.
#pragma once

#include <string>
#include <string_view>

namespace pylife::parse {

// The decimal digits of integer literal [text] (0x/0o/0b prefixes and
// underscores allowed), e.g. "0xff" -> "255".
std::string int_literal_to_decimal(std::string_view text);

// The value of float literal [text] (underscores allowed).
double float_literal_value(std::string_view text);

// Result of decoding a literal's escapes.
struct Decoded {
  bool ok = true;
  std::string value;  // UTF-8 for str (surrogates as 3-byte sequences), raw for bytes
  std::string error;  // CPython's message when !ok
};

// Decodes the body (between the quotes) of a str literal.
Decoded decode_str_literal(std::string_view body, bool raw);

// Decodes the body of a bytes literal.
Decoded decode_bytes_literal(std::string_view body, bool raw);

// CPython's "(unicode error) 'utf-8' codec can't decode byte 0xNN in
// position P: REASON" for [text] holding undecodable bytes escaped as
// U+DC80..U+DCFF; [position] receives P.
std::string undecodable_utf8_message(std::string_view text, size_t& position);

// The code point named [name] in \N{name} (Unicode names and aliases),
// or 0 if there is none.
char32_t lookup_unicode_name(std::string_view name);

}  // namespace pylife::parse
