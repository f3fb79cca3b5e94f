// The format specification mini-language (format(), str.format,
// f-string format specs) for int, float and str, as CPython 3.11's
// Python/formatter_unicode.c implements it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pylife/bigint.h"

namespace pylife::runtime {

// A parsed "[[fill]align][sign][z][#][0][width][grouping][.precision][type]".
struct FormatSpec {
  std::string fill = " ";  // one character (UTF-8)
  char align = 0;          // 0 (type's default), '<', '>', '=', '^'
  char sign = 0;           // 0, '+', '-', ' '
  bool no_neg_0 = false;   // 'z': negative zero becomes zero (floats)
  bool alternate = false;  // '#'
  bool zero = false;       // '0' before the width
  long width = -1;
  char grouping = 0;  // 0, ',', '_'
  long precision = -1;
  char32_t type = 0;  // 0 for none
};

// Parses [spec]; on failure returns nullopt with CPython's ValueError
// message in [error].
std::optional<FormatSpec> parse_format_spec(std::string_view spec, std::string* error);

// format(value, spec) for each type; nullopt (with CPython's message) when
// the spec does not apply.  Messages are ValueError's unless they start
// with "OverflowError:".
std::optional<std::string> format_int(const BigInt& value, std::string_view spec,
                                      std::string* error);
std::optional<std::string> format_float(double value, std::string_view spec, std::string* error);
std::optional<std::string> format_str(std::string_view utf8, std::string_view spec,
                                      std::string* error);

}  // namespace pylife::runtime
