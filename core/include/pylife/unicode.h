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

// Whether [cp] takes two cells in a monospaced grid (CJK, emoji).
bool is_wide(char32_t cp);
// The cells valid UTF-8 [text] takes in a monospaced grid (a wide
// character two, a tab four).
size_t display_width(std::string_view text);

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

// Character properties as CPython's str predicates see one character.
bool is_space(char32_t c);
bool is_decimal(char32_t c);
bool is_digit(char32_t c);
bool is_numeric(char32_t c);
bool is_alpha(char32_t c);
bool is_lower(char32_t c);
bool is_upper(char32_t c);
bool is_titlecase(char32_t c);  // category Lt
bool is_cased(char32_t c);
bool is_case_ignorable(char32_t c);
// unicodedata.decimal(c), or -1 for characters that are not decimal digits.
int decimal_value(char32_t c);

// str.lower(), upper(), casefold(), title(), capitalize(), swapcase():
// full Unicode mappings (one character may become several) and the final
// sigma rule, as CPython 3.11.
std::u32string lower(std::u32string_view s);
std::u32string upper(std::u32string_view s);
std::u32string casefold(std::u32string_view s);
std::u32string title(std::u32string_view s);
std::u32string capitalize(std::u32string_view s);
std::u32string swapcase(std::u32string_view s);

// str.isspace() ... str.istitle() on a whole string.
bool str_isspace(std::u32string_view s);
bool str_isdecimal(std::u32string_view s);
bool str_isdigit(std::u32string_view s);
bool str_isnumeric(std::u32string_view s);
bool str_isalpha(std::u32string_view s);
bool str_isalnum(std::u32string_view s);
bool str_islower(std::u32string_view s);
bool str_isupper(std::u32string_view s);
bool str_istitle(std::u32string_view s);
bool str_isprintable(std::u32string_view s);

// unicodedata.normalize('NFKC', text), as identifiers are normalized.
std::u32string nfkc(std::u32string_view text);

// repr() of a Python str held as UTF-8, quotes chosen as Python does.
std::string repr_str(std::string_view utf8);

// repr() of a Python bytes object.
std::string repr_bytes(std::string_view bytes);

// A JSON string literal of UTF-8 [s] (quotes, backslash escapes, \u00XX
// for other control characters; other characters as they are).
std::string json_string(std::string_view s);

}  // namespace pylife::unicode
