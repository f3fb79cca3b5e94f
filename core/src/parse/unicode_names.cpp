// \N{NAME} lookup over the compressed name table generated from CPython
// 3.11's unicodedata (scripts/golden/unicode_names.py).  Lookup is
// case-insensitive, as in CPython.  Name aliases and named sequences are
// not in the table.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>
#include <cstdlib>
#include <string>

#include "literals.h"

namespace pylife::parse {

namespace {

#include "unicode_names.inc"

// Hangul syllable jamo short names (Unicode chapter 3.12).
constexpr const char* kJamoL[] = {"G",  "GG", "N", "D",  "DD", "R", "M", "B", "BB", "S",
                                  "SS", "",   "J", "JJ", "C",  "K", "T", "P", "H"};
constexpr const char* kJamoV[] = {"A",   "AE", "YA", "YAE", "EO", "E",  "YEO",
                                  "YE",  "O",  "WA", "WAE", "OE", "YO", "U",
                                  "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
constexpr const char* kJamoT[] = {"",   "G",  "GG", "GS", "N",  "NJ", "NH", "D", "L",  "LG",
                                  "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B", "BS", "S",
                                  "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};

// Matches "HANGUL SYLLABLE <L><V><T>"; returns the code point or 0.
char32_t hangul(const std::string& upper) {
  const std::string prefix = "HANGUL SYLLABLE ";
  if (upper.compare(0, prefix.size(), prefix) != 0) return 0;
  std::string rest = upper.substr(prefix.size());
  for (int l = 0; l < 19; ++l) {
    for (int v = 0; v < 21; ++v) {
      for (int t = 0; t < 28; ++t) {
        if (rest == std::string(kJamoL[l]) + kJamoV[v] + kJamoT[t]) {
          return static_cast<char32_t>(0xAC00 + (l * 21 + v) * 28 + t);
        }
      }
    }
  }
  return 0;
}

// FNV-1a over a name's bytes.
uint32_t name_hash(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

// The name stored at [pos] of kNameData.
std::string decode_name(size_t pos) {
  std::string name;
  unsigned words = kNameData[pos++];
  for (unsigned w = 0; w < words; ++w) {
    unsigned i = kNameData[pos++];
    if (i & 0x80) i = ((i & 0x7F) << 8) | kNameData[pos++];
    if (w) name += ' ';
    name += kNameWords[i];
  }
  return name;
}

struct NameEntry {
  uint32_t hash;
  char32_t cp;
  uint32_t offset;  // into kNameData
};

// Every stored name's hash, code point and offset, sorted by hash.
std::vector<NameEntry> build_index() {
  std::vector<NameEntry> index;
  size_t pos = 0, run = 0;
  unsigned in_run = 0;
  while (pos < sizeof kNameData) {
    size_t start = pos;
    unsigned words = kNameData[pos++];
    for (unsigned w = 0; w < words; ++w) {
      if (kNameData[pos++] & 0x80) ++pos;
    }
    index.push_back({name_hash(decode_name(start)), kNameRuns[run].first + in_run,
                     static_cast<uint32_t>(start)});
    if (++in_run == kNameRuns[run].count) {
      ++run;
      in_run = 0;
    }
  }
  std::sort(index.begin(), index.end(),
            [](const NameEntry& a, const NameEntry& b) { return a.hash < b.hash; });
  return index;
}

}  // namespace

char32_t lookup_unicode_name(std::string_view name) {
  std::string upper;
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper.empty()) return 0;

  for (const auto& r : kNamePrefixRanges) {
    std::string_view p = r.prefix;
    if (upper.size() > p.size() && upper.compare(0, p.size(), p) == 0) {
      std::string hex = upper.substr(p.size());
      if (hex.size() < 4 || hex.size() > 5) continue;
      char* end = nullptr;
      unsigned long v = std::strtoul(hex.c_str(), &end, 16);
      if (*end == 0 && v >= r.first && v <= r.last) return static_cast<char32_t>(v);
    }
  }
  if (char32_t h = hangul(upper)) return h;

  // An index of the stored names by hash, built on first use (immutable
  // afterwards); a hit is confirmed by decoding the stored name.
  static const std::vector<NameEntry> index = build_index();
  uint32_t h = name_hash(upper);
  auto it = std::lower_bound(index.begin(), index.end(), h,
                             [](const NameEntry& e, uint32_t v) { return e.hash < v; });
  for (; it != index.end() && it->hash == h; ++it) {
    if (decode_name(it->offset) == upper) return it->cp;
  }
  return 0;
}

}  // namespace pylife::parse
