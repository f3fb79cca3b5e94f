// Case conversion and character predicates of str (Objects/unicodeobject.c
// do_lower/do_upper/do_casefold/do_title/do_capitalize/do_swapcase and the
// is* methods), over tables generated from CPython 3.11.
#include <algorithm>
#include <iterator>

#include "pylife/unicode.h"
#include "ranges.h"

namespace pylife::unicode {

namespace {

#include "case_tables.inc"

template <size_t N>
void map_char(const CaseEntry (&table)[N], char32_t c, std::u32string& out) {
  auto it = std::lower_bound(std::begin(table), std::end(table), c,
                             [](const CaseEntry& e, char32_t v) { return e.cp < v; });
  if (it != std::end(table) && it->cp == c) {
    out.append(kCaseData + it->offset, it->length);
  } else {
    out += c;
  }
}

// handle_capital_sigma: U+03A3 lowers to final sigma after a cased letter
// (skipping case-ignorables) when no cased letter follows.
char32_t sigma(std::u32string_view s, size_t i) {
  size_t j = i;
  char32_t c = 0;
  bool found = false;
  while (j-- > 0) {
    c = s[j];
    if (!is_case_ignorable(c)) {
      found = true;
      break;
    }
  }
  bool final_sigma = found && is_cased(c);
  if (final_sigma && i + 1 < s.size()) {
    size_t k = i + 1;
    for (; k < s.size(); ++k) {
      c = s[k];
      if (!is_case_ignorable(c)) break;
    }
    final_sigma = k == s.size() || !is_cased(c);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

void lower_at(std::u32string_view s, size_t i, std::u32string& out) {
  if (s[i] == 0x3A3) {
    out += sigma(s, i);
  } else {
    map_char(kLowerMap, s[i], out);
  }
}

template <typename Pred>
bool all_of_nonempty(std::u32string_view s, Pred pred) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}

}  // namespace

bool is_space(char32_t c) {
  return in_table(kSpace, c);
}
bool is_decimal(char32_t c) {
  return in_table(kDecimal, c);
}
bool is_digit(char32_t c) {
  return in_table(kDigit, c);
}
bool is_numeric(char32_t c) {
  return in_table(kNumeric, c);
}
bool is_alpha(char32_t c) {
  return in_table(kAlpha, c);
}
bool is_lower(char32_t c) {
  return in_table(kLower, c);
}
bool is_upper(char32_t c) {
  return in_table(kUpper, c);
}
bool is_titlecase(char32_t c) {
  return in_table(kTitle, c);
}
bool is_cased(char32_t c) {
  return in_table(kCased, c);
}
bool is_case_ignorable(char32_t c) {
  return in_table(kCaseIgnorable, c);
}

int decimal_value(char32_t c) {
  if (!is_decimal(c)) return -1;
  auto it = std::upper_bound(std::begin(kDecimalZeros), std::end(kDecimalZeros), c);
  return static_cast<int>(c - *(it - 1));
}

namespace {
// ASCII-only text maps one to one (the common case, without the tables).
bool ascii_only(std::u32string_view s) {
  for (char32_t c : s) {
    if (c >= 128) return false;
  }
  return true;
}
}  // namespace

std::u32string lower(std::u32string_view s) {
  std::u32string out;
  if (ascii_only(s)) {
    out.assign(s);
    for (char32_t& c : out) {
      if (c >= 'A' && c <= 'Z') c += 32;
    }
    return out;
  }
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) lower_at(s, i, out);
  return out;
}

std::u32string upper(std::u32string_view s) {
  std::u32string out;
  if (ascii_only(s)) {
    out.assign(s);
    for (char32_t& c : out) {
      if (c >= 'a' && c <= 'z') c -= 32;
    }
    return out;
  }
  out.reserve(s.size());
  for (char32_t c : s) map_char(kUpperMap, c, out);
  return out;
}

std::u32string casefold(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) map_char(kCasefoldMap, c, out);
  return out;
}

std::u32string title(std::u32string_view s) {
  std::u32string out;
  bool previous_is_cased = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (previous_is_cased) {
      lower_at(s, i, out);
    } else {
      map_char(kTitleMap, s[i], out);
    }
    previous_is_cased = is_cased(s[i]);
  }
  return out;
}

std::u32string capitalize(std::u32string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 0) {
      map_char(kTitleMap, s[i], out);
    } else {
      lower_at(s, i, out);
    }
  }
  return out;
}

std::u32string swapcase(std::u32string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (is_upper(s[i])) {
      lower_at(s, i, out);
    } else if (is_lower(s[i])) {
      map_char(kUpperMap, s[i], out);
    } else {
      out += s[i];
    }
  }
  return out;
}

bool str_isspace(std::u32string_view s) {
  return all_of_nonempty(s, is_space);
}
bool str_isdecimal(std::u32string_view s) {
  return all_of_nonempty(s, is_decimal);
}
bool str_isdigit(std::u32string_view s) {
  return all_of_nonempty(s, is_digit);
}
bool str_isnumeric(std::u32string_view s) {
  return all_of_nonempty(s, is_numeric);
}
bool str_isalpha(std::u32string_view s) {
  return all_of_nonempty(s, is_alpha);
}
bool str_isalnum(std::u32string_view s) {
  return all_of_nonempty(
      s, [](char32_t c) { return is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c); });
}
bool str_isprintable(std::u32string_view s) {
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return is_printable(c); });
}

bool str_islower(std::u32string_view s) {
  bool cased = false;
  for (char32_t c : s) {
    if (is_upper(c) || is_titlecase(c)) return false;
    if (!cased && is_lower(c)) cased = true;
  }
  return cased;
}

bool str_isupper(std::u32string_view s) {
  bool cased = false;
  for (char32_t c : s) {
    if (is_lower(c) || is_titlecase(c)) return false;
    if (!cased && is_upper(c)) cased = true;
  }
  return cased;
}

bool str_istitle(std::u32string_view s) {
  bool cased = false, previous_is_cased = false;
  for (char32_t c : s) {
    if (is_upper(c) || is_titlecase(c)) {
      if (previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else if (is_lower(c)) {
      if (!previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return cased;
}

}  // namespace pylife::unicode
