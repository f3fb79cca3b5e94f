// Sorted code point range tables (generated from CPython's unicodedata)
// and their lookup.
#pragma once

#include <algorithm>
#include <iterator>

namespace pylife::unicode {

struct CodeRange {
  char32_t first, last;
};

// Whether [c] falls in one of the sorted [ranges].
template <size_t N>
bool in_table(const CodeRange (&ranges)[N], char32_t c) {
  auto it = std::upper_bound(std::begin(ranges), std::end(ranges), c,
                             [](char32_t v, const CodeRange& r) { return v < r.first; });
  if (it == std::begin(ranges)) return false;
  --it;
  return c <= it->last;
}

}  // namespace pylife::unicode
