// The format mini-language (Python/formatter_unicode.c of CPython 3.11):
// spec parsing, number layout (sign, prefix, zero padding through the
// thousands grouping, alignment) and str padding/truncation.
#include "pylife/format.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdio>

#include "pylife/dtoa.h"
#include "pylife/unicode.h"

namespace pylife::runtime {

namespace {

bool is_alignment(char32_t c) {
  return c == '<' || c == '>' || c == '=' || c == '^';
}

// The spec's parse, with the defaults of the type being formatted.
std::optional<FormatSpec> parse(std::string_view spec, char default_type, char default_align,
                                const char* type_name, std::string* error) {
  auto fail = [&](std::string message) -> std::optional<FormatSpec> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  std::u32string s = unicode::decode_utf8(spec);
  FormatSpec f;
  f.align = default_align;
  f.type = default_type;
  size_t pos = 0, end = s.size();
  bool fill_specified = false, align_specified = false;
  if (end - pos >= 2 && is_alignment(s[pos + 1])) {
    f.align = static_cast<char>(s[pos + 1]);
    f.fill = unicode::encode_utf8(s.substr(pos, 1));
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment(s[pos])) {
    f.align = static_cast<char>(s[pos]);
    align_specified = true;
    ++pos;
  }
  if (pos < end && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) {
    f.sign = static_cast<char>(s[pos++]);
  }
  bool no_neg_0 = false;
  if (pos < end && s[pos] == 'z') {
    no_neg_0 = true;
    ++pos;
  }
  if (pos < end && s[pos] == '#') {
    f.alternate = true;
    ++pos;
  }
  if (!fill_specified && pos < end && s[pos] == '0') {
    f.fill = "0";
    f.zero = true;
    if (!align_specified && default_align == '>') f.align = '=';
    ++pos;
  }
  auto integer = [&](long& out) -> int {
    int consumed = 0;
    long v = 0;
    while (pos < end && s[pos] >= '0' && s[pos] <= '9') {
      if (v > (LONG_MAX - 9) / 10) return -1;
      v = v * 10 + static_cast<long>(s[pos] - '0');
      ++pos;
      ++consumed;
    }
    out = v;
    return consumed;
  };
  int consumed = integer(f.width);
  if (consumed < 0) return fail("Too many decimal digits in format string");
  if (consumed == 0) f.width = -1;
  if (pos < end && s[pos] == ',') {
    f.grouping = ',';
    ++pos;
  }
  if (pos < end && s[pos] == '_') {
    if (f.grouping) return fail("Cannot specify both ',' and '_'.");
    f.grouping = '_';
    ++pos;
  }
  if (pos < end && s[pos] == ',' && f.grouping == '_') {
    return fail("Cannot specify both ',' and '_'.");
  }
  if (pos < end && s[pos] == '.') {
    ++pos;
    consumed = integer(f.precision);
    if (consumed < 0) return fail("Too many decimal digits in format string");
    if (consumed == 0) return fail("Format specifier missing precision");
  }
  if (end - pos > 1) {
    return fail("Invalid format specifier '" + std::string(spec) + "' for object of type '" +
                type_name + "'");
  }
  if (end - pos == 1) f.type = s[pos];
  if (f.grouping) {
    switch (f.type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case 0: break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (f.grouping == '_') break;
        [[fallthrough]];
      default: {
        char buf[64];
        if (f.type > 32 && f.type < 127) {
          std::snprintf(buf, sizeof buf, "Cannot specify '%c' with '%c'.", f.grouping,
                        static_cast<char>(f.type));
        } else {
          std::snprintf(buf, sizeof buf, "Cannot specify '%c' with '\\x%x'.", f.grouping,
                        static_cast<unsigned>(f.type));
        }
        return fail(buf);
      }
    }
  }
  f.no_neg_0 = no_neg_0;
  return f;
}

// _PyUnicode_InsertThousandsGrouping for [digits] (ASCII), padding with
// '0' to [min_width] through the groups.
std::string group_digits(const std::string& digits, long min_width, char sep, int group) {
  std::string out;  // built right to left
  long remaining = static_cast<long>(digits.size());
  bool use_sep = false;
  size_t taken = 0;
  for (;;) {
    long l = std::min<long>(std::max<long>(std::max<long>(remaining, min_width), 1), group);
    long n_zeros = std::max<long>(0, l - remaining);
    long n_chars = std::max<long>(0, std::min<long>(remaining, l));
    if (use_sep) out += sep;
    for (long k = 0; k < n_chars; ++k) out += digits[digits.size() - 1 - taken++];
    out.append(static_cast<size_t>(n_zeros), '0');
    remaining -= n_chars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;  // the separator's width
    use_sep = true;
  }
  return std::string(out.rbegin(), out.rend());
}

// Repeats the (one-character) [fill] [n] times.
std::string fill_n(const std::string& fill, long n) {
  std::string out;
  for (long i = 0; i < n; ++i) out += fill;
  return out;
}

// calc_number_widths + fill_number: lays out
// <lpad><sign><prefix><spad><grouped digits><remainder><rpad>.
std::string layout_number(const FormatSpec& f, char sign_char, std::string_view prefix,
                          const std::string& digits, const std::string& remainder, int group) {
  std::string sign;
  if (f.sign == '+')
    sign = sign_char == '-' ? "-" : "+";
  else if (f.sign == ' ')
    sign = sign_char == '-' ? "-" : " ";
  else if (sign_char == '-')
    sign = "-";
  long rem_len = static_cast<long>(unicode::count_code_points(remainder));
  long non_digit = static_cast<long>(sign.size() + prefix.size()) + rem_len;
  std::string out;
  long min_width = (f.fill == "0" && f.align == '=') ? f.width - non_digit : 0;
  std::string grouped;
  if (!digits.empty()) {
    grouped = f.grouping
                  ? group_digits(digits, min_width, f.grouping, group)
                  : (min_width > static_cast<long>(digits.size())
                         ? std::string(static_cast<size_t>(min_width) - digits.size(), '0') + digits
                         : digits);
  }
  long padding = f.width - (non_digit + static_cast<long>(grouped.size()));
  std::string lpad, spad, rpad;
  if (padding > 0) {
    switch (f.align) {
      case '<': rpad = fill_n(f.fill, padding); break;
      case '^':
        lpad = fill_n(f.fill, padding / 2);
        rpad = fill_n(f.fill, padding - padding / 2);
        break;
      case '=': spad = fill_n(f.fill, padding); break;
      default: lpad = fill_n(f.fill, padding);
    }
  }
  out += lpad;
  out += sign;
  out += prefix;
  out += spad;
  out += grouped;
  out += remainder;
  out += rpad;
  return out;
}

std::string unknown_code(char32_t type, const char* type_name) {
  char buf[96];
  if (type > 32 && type < 127) {
    std::snprintf(buf, sizeof buf, "Unknown format code '%c' for object of type '%s'",
                  static_cast<char>(type), type_name);
  } else {
    std::snprintf(buf, sizeof buf, "Unknown format code '\\x%x' for object of type '%s'",
                  static_cast<unsigned>(type), type_name);
  }
  return buf;
}

}  // namespace

std::optional<FormatSpec> parse_format_spec(std::string_view spec, std::string* error) {
  return parse(spec, 0, 0, "object", error);
}

std::optional<std::string> format_int(const BigInt& value, std::string_view spec,
                                      std::string* error) {
  if (spec.empty()) return value.to_string();
  auto f = parse(spec, 'd', '>', "int", error);
  if (!f) return std::nullopt;
  switch (f->type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
      bool overflow = false;
      double d = value.to_double(&overflow);
      if (overflow) {
        if (error) *error = "OverflowError:int too large to convert to float";
        return std::nullopt;
      }
      return format_float(d, spec, error);
    }
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n': break;
    default:
      if (error) *error = unknown_code(f->type, "int");
      return std::nullopt;
  }
  if (f->precision != -1) {
    if (error) *error = "Precision not allowed in integer format specifier";
    return std::nullopt;
  }
  if (f->no_neg_0) {
    if (error) *error = "Negative zero coercion (z) not allowed in integer format specifier";
    return std::nullopt;
  }
  if (f->type == 'c') {
    if (f->sign) {
      if (error) *error = "Sign not allowed with integer format specifier 'c'";
      return std::nullopt;
    }
    if (f->alternate) {
      if (error) *error = "Alternate form (#) not allowed with integer format specifier 'c'";
      return std::nullopt;
    }
    if (!value.fits_int64()) {  // PyLong_AsLong fails first
      if (error) *error = "OverflowError:Python int too large to convert to C long";
      return std::nullopt;
    }
    if (value.negative() || value.compare(BigInt(0x10FFFF)) > 0) {
      if (error) *error = "OverflowError:%c arg not in range(0x110000)";
      return std::nullopt;
    }
    std::string ch;
    unicode::append_utf8(ch, static_cast<char32_t>(value.to_int64()));
    return layout_number(*f, 0, "", "", ch, 3);
  }
  int base = f->type == 'b' ? 2 : f->type == 'o' ? 8 : (f->type == 'x' || f->type == 'X') ? 16 : 10;
  std::string digits = value.abs().to_string(base);
  if (f->type == 'X') {
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  const char* prefix = "";
  if (f->alternate && base != 10) {
    prefix = base == 2 ? "0b" : base == 8 ? "0o" : f->type == 'X' ? "0X" : "0x";
  }
  int group = (f->grouping == '_' && base != 10) ? 4 : 3;
  return layout_number(*f, value.negative() ? '-' : 0, prefix, digits, "", group);
}

std::optional<std::string> format_float(double value, std::string_view spec, std::string* error) {
  auto f = parse(spec, 0, '>', "float", error);
  if (!f) return std::nullopt;
  char32_t type = f->type;
  switch (type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%': break;
    default:
      if (error) *error = unknown_code(type, "float");
      return std::nullopt;
  }
  int flags = 0;
  if (f->alternate) flags |= dtoa::kAlt;
  if (f->no_neg_0) flags |= dtoa::kNoNegZero;
  long precision = f->precision;
  long default_precision = 6;
  if (type == 0) {
    flags |= dtoa::kAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool add_pct = false;
  if (type == '%') {
    type = 'f';
    value *= 100;
    add_pct = true;
  }
  if (precision < 0) {
    precision = default_precision;
  } else if (type == 'r') {
    type = 'g';
  }
  if (precision > 2147483647) {
    if (error) *error = "precision too big";
    return std::nullopt;
  }
  std::string text =
      dtoa::double_to_string(value, static_cast<char>(type), static_cast<int>(precision), flags);
  if (add_pct) text += '%';
  char sign_char = 0;
  size_t start = 0;
  if (!text.empty() && text[0] == '-') {
    sign_char = '-';
    start = 1;
  }
  size_t pos = start;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  std::string digits = text.substr(start, pos - start);
  std::string remainder = text.substr(pos);
  return layout_number(*f, sign_char, "", digits, remainder, 3);
}

std::optional<std::string> format_str(std::string_view utf8, std::string_view spec,
                                      std::string* error) {
  if (spec.empty()) return std::string(utf8);
  auto f = parse(spec, 's', '<', "str", error);
  if (!f) return std::nullopt;
  if (f->type != 's') {
    if (error) *error = unknown_code(f->type, "str");
    return std::nullopt;
  }
  auto fail = [&](const char* message) -> std::optional<std::string> {
    if (error) *error = message;
    return std::nullopt;
  };
  if (f->sign == ' ') return fail("Space not allowed in string format specifier");
  if (f->sign) return fail("Sign not allowed in string format specifier");
  if (f->no_neg_0) return fail("Negative zero coercion (z) not allowed in string format specifier");
  if (f->alternate) return fail("Alternate form (#) not allowed in string format specifier");
  if (f->align == '=') return fail("'=' alignment not allowed in string format specifier");
  std::u32string s = unicode::decode_utf8(utf8);
  if (f->precision >= 0 && static_cast<long>(s.size()) > f->precision) {
    s.resize(static_cast<size_t>(f->precision));
  }
  long len = static_cast<long>(s.size());
  long total = std::max(f->width, len);
  long lpad = f->align == '>' ? total - len : f->align == '^' ? (total - len) / 2 : 0;
  long rpad = total - len - lpad;
  return fill_n(f->fill, lpad) + unicode::encode_utf8(s) + fill_n(f->fill, rpad);
}

}  // namespace pylife::runtime
