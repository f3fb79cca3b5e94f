// NFKC normalization (Unicode Standard Annex #15) over tables generated
// from CPython 3.11's unicodedata: compatibility decomposition, canonical
// ordering, canonical composition, with Hangul done algorithmically.
#include <algorithm>
#include <iterator>

#include "pylife/unicode.h"

namespace pylife::unicode {

namespace {

#include "normalize_tables.inc"

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr int kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
              kSCount = kLCount * kNCount;

unsigned char combining_class(char32_t c) {
  auto it = std::upper_bound(std::begin(kCombining), std::end(kCombining), c,
                             [](char32_t v, const CombiningRange& r) { return v < r.first; });
  if (it == std::begin(kCombining)) return 0;
  --it;
  return c <= it->last ? it->ccc : 0;
}

void decompose(char32_t c, std::u32string& out) {
  if (c >= kSBase && c < kSBase + kSCount) {
    int s = static_cast<int>(c - kSBase);
    out += static_cast<char32_t>(kLBase + s / kNCount);
    out += static_cast<char32_t>(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount) out += static_cast<char32_t>(kTBase + s % kTCount);
    return;
  }
  auto it = std::lower_bound(std::begin(kDecompIndex), std::end(kDecompIndex), c,
                             [](const DecompEntry& e, char32_t v) { return e.cp < v; });
  if (it != std::end(kDecompIndex) && it->cp == c) {
    out.append(kDecompData + it->offset, it->length);
  } else {
    out += c;
  }
}

// The canonical composite of [a] + [b], or 0.
char32_t compose(char32_t a, char32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount) {
    return kSBase + static_cast<char32_t>(((a - kLBase) * kVCount + (b - kVBase)) * kTCount);
  }
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase &&
      b < kTBase + kTCount) {
    return a + (b - kTBase);
  }
  auto it =
      std::lower_bound(std::begin(kCompose), std::end(kCompose), std::pair{a, b},
                       [](const ComposeEntry& e, std::pair<char32_t, char32_t> v) {
                         return e.first < v.first || (e.first == v.first && e.second < v.second);
                       });
  if (it != std::end(kCompose) && it->first == a && it->second == b) return it->result;
  return 0;
}

}  // namespace

std::u32string nfkc(std::u32string_view text) {
  std::u32string d;
  for (char32_t c : text) decompose(c, d);
  // Canonical ordering: stable-sort each run of non-starters by class.
  for (size_t i = 0; i < d.size();) {
    if (combining_class(d[i]) == 0) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < d.size() && combining_class(d[j]) != 0) ++j;
    std::stable_sort(
        d.begin() + static_cast<long>(i), d.begin() + static_cast<long>(j),
        [](char32_t x, char32_t y) { return combining_class(x) < combining_class(y); });
    i = j;
  }
  // Canonical composition.
  std::u32string out;
  long starter = -1;
  int last_class = -1;
  for (char32_t c : d) {
    int cc = combining_class(c);
    if (starter >= 0 && (last_class < cc || (last_class == 0 && cc == 0 &&
                                             out.size() == static_cast<size_t>(starter) + 1))) {
      char32_t composite = compose(out[static_cast<size_t>(starter)], c);
      if (composite) {
        out[static_cast<size_t>(starter)] = composite;
        continue;
      }
    }
    if (cc == 0) {
      starter = static_cast<long>(out.size());
      last_class = 0;
    } else {
      last_class = cc;
    }
    out += c;
  }
  return out;
}

}  // namespace pylife::unicode
