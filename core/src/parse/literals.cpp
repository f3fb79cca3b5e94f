// Literal decoding (Parser/string_parser.c decode_unicode_with_escapes,
// Objects/unicodeobject.c _PyUnicode_DecodeUnicodeEscapeInternal,
// Objects/bytesobject.c _PyBytes_DecodeEscape).
#include "literals.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "pylife/source.h"
#include "pylife/unicode.h"

namespace pylife::parse {

std::string int_literal_to_decimal(std::string_view text) {
  int base = 10;
  size_t i = 0;
  if (text.size() > 1 && text[0] == '0') {
    char p = static_cast<char>(text[1] | 0x20);
    if (p == 'x') base = 16;
    if (p == 'o') base = 8;
    if (p == 'b') base = 2;
    if (base != 10) i = 2;
  }
  // Little-endian limbs of 10^9.
  std::vector<uint32_t> limbs = {0};
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '_') continue;
    int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    uint64_t carry = static_cast<uint64_t>(d);
    for (auto& limb : limbs) {
      uint64_t v = static_cast<uint64_t>(limb) * static_cast<uint64_t>(base) + carry;
      limb = static_cast<uint32_t>(v % 1000000000u);
      carry = v / 1000000000u;
    }
    if (carry) limbs.push_back(static_cast<uint32_t>(carry));
  }
  std::string out = std::to_string(limbs.back());
  char buf[16];
  for (size_t k = limbs.size() - 1; k-- > 0;) {
    std::snprintf(buf, sizeof buf, "%09u", limbs[k]);
    out += buf;
  }
  return out;
}

double float_literal_value(std::string_view text) {
  std::string clean;
  for (char c : text) {
    if (c != '_') clean += c;
  }
  return std::strtod(clean.c_str(), nullptr);
}

namespace {

int hex_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// CPython's "(unicode error) 'unicodeescape' codec can't decode bytes in
// position A-B: REASON" (positions in the UTF-8 body).
std::string unicode_escape_error(size_t start, size_t end, const char* reason) {
  std::string pos =
      end > start + 1 ? "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1)
                      : "byte 0x5c in position " + std::to_string(start);
  return "(unicode error) 'unicodeescape' codec can't decode " + pos + ": " + reason;
}

// The character a one-letter escape stands for (\n, \t, \\, ...), or -1.
int simple_escape(char e) {
  switch (e) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return -1;
  }
}

// The value of an octal escape whose first digit [first] has been read;
// up to two more digits are taken from [body] at [i].
unsigned octal_escape(char first, std::string_view body, size_t& i) {
  unsigned v = static_cast<unsigned>(first - '0');
  for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k, ++i) {
    v = v * 8 + static_cast<unsigned>(body[i] - '0');
  }
  return v;
}

}  // namespace

Decoded decode_str_literal(std::string_view body, bool raw) {
  Decoded d;
  if (raw || body.find('\\') == std::string_view::npos) {
    d.value = std::string(body);
    return d;
  }
  std::string& out = d.value;
  out.reserve(body.size());
  size_t i = 0, n = body.size();
  while (i < n) {
    char c = body[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    size_t start = i;
    if (i + 1 >= n) {
      d.ok = false;
      d.error = unicode_escape_error(start, start + 1, "\\ at end of string");
      return d;
    }
    char e = body[i + 1];
    i += 2;
    if (int c = simple_escape(e); c >= 0) {
      out += static_cast<char>(c);
      continue;
    }
    switch (e) {
      case '\n': break;  // backslash-newline continues the literal
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        unicode::append_utf8(out, octal_escape(e, body, i));
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        char32_t v = 0;
        for (int k = 0; k < digits; ++k) {
          int h = i + static_cast<size_t>(k) < n
                      ? hex_value(static_cast<unsigned char>(body[i + k]))
                      : -1;
          if (h < 0) {
            d.ok = false;
            const char* reason = e == 'x'   ? "truncated \\xXX escape"
                                 : e == 'u' ? "truncated \\uXXXX escape"
                                            : "truncated \\UXXXXXXXX escape";
            d.error = unicode_escape_error(start, i + static_cast<size_t>(k), reason);
            return d;
          }
          v = v * 16 + static_cast<char32_t>(h);
        }
        i += static_cast<size_t>(digits);
        if (v > 0x10FFFF) {
          d.ok = false;
          d.error = unicode_escape_error(start, i, "illegal Unicode character");
          return d;
        }
        unicode::append_utf8(out, v);
        break;
      }
      case 'N': {
        size_t close = body.find('}', i);
        if (i >= n || body[i] != '{' || close == std::string_view::npos) {
          d.ok = false;
          d.error = unicode_escape_error(start, i, "malformed \\N character escape");
          return d;
        }
        char32_t v = lookup_unicode_name(body.substr(i + 1, close - i - 1));
        if (v == 0) {
          d.ok = false;
          d.error = unicode_escape_error(start, close + 1, "unknown Unicode character name");
          return d;
        }
        i = close + 1;
        unicode::append_utf8(out, v);
        break;
      }
      default:
        // Invalid escapes stay as written (a DeprecationWarning in 3.11).
        out += '\\';
        out += e;
    }
  }
  return d;
}

std::string undecodable_utf8_message(std::string_view text, size_t& position) {
  std::string original = source::unescape_bytes(text);
  source::Utf8Check bad = source::check_utf8(original);
  position = bad.offset == std::string_view::npos ? 0 : bad.offset;
  char hex[8];
  std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(original[position]));
  return "(unicode error) 'utf-8' codec can't decode byte 0x" + std::string(hex) + " in position " +
         std::to_string(position) + ": " + bad.reason;
}

Decoded decode_bytes_literal(std::string_view body, bool raw) {
  Decoded d;
  for (char c : body) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      d.ok = false;
      d.error = "bytes can only contain ASCII literal characters";
      return d;
    }
  }
  if (raw || body.find('\\') == std::string_view::npos) {
    d.value = std::string(body);
    return d;
  }
  std::string& out = d.value;
  size_t i = 0, n = body.size();
  while (i < n) {
    char c = body[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    size_t start = i;
    if (i + 1 >= n) {
      d.ok = false;
      d.error = "(value error) Trailing \\ in string";
      return d;
    }
    char e = body[i + 1];
    i += 2;
    if (int c = simple_escape(e); c >= 0) {
      out += static_cast<char>(c);
      continue;
    }
    switch (e) {
      case '\n': break;  // backslash-newline continues the literal
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        out += static_cast<char>(octal_escape(e, body, i) & 0xFF);
        break;
      }
      case 'x': {
        int h1 = i < n ? hex_value(static_cast<unsigned char>(body[i])) : -1;
        int h2 = i + 1 < n ? hex_value(static_cast<unsigned char>(body[i + 1])) : -1;
        if (h1 < 0 || h2 < 0) {
          d.ok = false;
          d.error = "(value error) invalid \\x escape at position " + std::to_string(start);
          return d;
        }
        out += static_cast<char>(h1 * 16 + h2);
        i += 2;
        break;
      }
      default: out += '\\'; out += e;
    }
  }
  return d;
}

}  // namespace pylife::parse
