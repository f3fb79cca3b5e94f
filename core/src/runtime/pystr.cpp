// str method algorithms, after Objects/stringlib (split.h, find.h,
// transmogrify.h) and Objects/unicodeobject.c of CPython 3.11.
#include "pylife/pystr.h"

#include <algorithm>

#include "pylife/unicode.h"

namespace pylife::runtime::pystr {

namespace {

// ADJUST_INDICES: clamps slice bounds to [0, len].
void adjust(int64_t len, Bound start, Bound end, int64_t& s, int64_t& e) {
  s = start.value_or(0);
  e = end.value_or(len);
  if (e > len) {
    e = len;
  } else if (e < 0) {
    e += len;
    if (e < 0) e = 0;
  }
  if (s < 0) {
    s += len;
    if (s < 0) s = 0;
  }
}

bool space(char32_t c) {
  return unicode::is_space(c);
}

// str.splitlines' line boundaries (unicodeobject.c Py_UNICODE_ISLINEBREAK).
bool linebreak(char32_t c) {
  switch (c) {
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x85:
    case 0x2028:
    case 0x2029: return true;
    default: return false;
  }
}

Str pad(View s, int64_t left, int64_t right, char32_t fill) {
  Str out;
  out.append(static_cast<size_t>(std::max<int64_t>(left, 0)), fill);
  out += s;
  out.append(static_cast<size_t>(std::max<int64_t>(right, 0)), fill);
  return out;
}

}  // namespace

std::vector<Str> split(View s, const std::optional<Str>& sep, int64_t maxsplit) {
  std::vector<Str> out;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  size_t n = s.size();
  if (!sep) {
    size_t i = 0;
    while (maxsplit-- > 0) {
      while (i < n && space(s[i])) ++i;
      if (i == n) break;
      size_t j = i;
      while (j < n && !space(s[j])) ++j;
      out.emplace_back(s.substr(i, j - i));
      i = j;
    }
    if (i < n) {
      // Only leading whitespace of the remainder is skipped.
      while (i < n && space(s[i])) ++i;
      if (i != n) out.emplace_back(s.substr(i));
    }
    return out;
  }
  const Str& p = *sep;
  size_t i = 0;
  while (maxsplit-- > 0) {
    size_t at = s.find(p, i);
    if (at == View::npos) break;
    out.emplace_back(s.substr(i, at - i));
    i = at + p.size();
  }
  out.emplace_back(s.substr(i));
  return out;
}

std::vector<Str> rsplit(View s, const std::optional<Str>& sep, int64_t maxsplit) {
  std::vector<Str> out;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (!sep) {
    int64_t i = static_cast<int64_t>(s.size()) - 1;
    while (maxsplit-- > 0) {
      while (i >= 0 && space(s[static_cast<size_t>(i)])) --i;
      if (i < 0) break;
      int64_t j = i;
      while (j >= 0 && !space(s[static_cast<size_t>(j)])) --j;
      out.emplace_back(s.substr(static_cast<size_t>(j + 1), static_cast<size_t>(i - j)));
      i = j;
    }
    if (i >= 0) {
      while (i >= 0 && space(s[static_cast<size_t>(i)])) --i;
      if (i >= 0) out.emplace_back(s.substr(0, static_cast<size_t>(i + 1)));
    }
    std::reverse(out.begin(), out.end());
    return out;
  }
  const Str& p = *sep;
  size_t end = s.size();
  while (maxsplit-- > 0) {
    if (end < p.size()) break;
    size_t at = s.rfind(p, end - p.size());
    if (at == View::npos) break;
    out.emplace_back(s.substr(at + p.size(), end - at - p.size()));
    end = at;
  }
  out.emplace_back(s.substr(0, end));
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<Str> splitlines(View s, bool keepends) {
  std::vector<Str> out;
  size_t i = 0, n = s.size();
  while (i < n) {
    size_t j = i;
    while (j < n && !linebreak(s[j])) ++j;
    size_t eol = j;
    if (j < n) {
      if (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') {
        j += 2;
      } else {
        ++j;
      }
      if (keepends) eol = j;
    }
    out.emplace_back(s.substr(i, eol - i));
    i = j;
  }
  return out;
}

namespace {

template <bool Left, bool Right>
Str do_strip(View s, const std::optional<Str>& chars) {
  auto drop = [&](char32_t c) { return chars ? chars->find(c) != Str::npos : space(c); };
  size_t i = 0, j = s.size();
  if (Left) {
    while (i < j && drop(s[i])) ++i;
  }
  if (Right) {
    while (j > i && drop(s[j - 1])) --j;
  }
  return Str(s.substr(i, j - i));
}

}  // namespace

Str strip(View s, const std::optional<Str>& chars) {
  return do_strip<true, true>(s, chars);
}
Str lstrip(View s, const std::optional<Str>& chars) {
  return do_strip<true, false>(s, chars);
}
Str rstrip(View s, const std::optional<Str>& chars) {
  return do_strip<false, true>(s, chars);
}

int64_t find(View s, View sub, Bound start, Bound end) {
  int64_t b, e;
  adjust(static_cast<int64_t>(s.size()), start, end, b, e);
  if (e - b < static_cast<int64_t>(sub.size())) return -1;
  size_t at = s.substr(0, static_cast<size_t>(e)).find(sub, static_cast<size_t>(b));
  return at == View::npos ? -1 : static_cast<int64_t>(at);
}

int64_t rfind(View s, View sub, Bound start, Bound end) {
  int64_t b, e;
  adjust(static_cast<int64_t>(s.size()), start, end, b, e);
  if (e - b < static_cast<int64_t>(sub.size())) return -1;
  View window = s.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
  size_t at = window.rfind(sub);
  return at == View::npos ? -1 : static_cast<int64_t>(at) + b;
}

int64_t count(View s, View sub, Bound start, Bound end) {
  int64_t b, e;
  adjust(static_cast<int64_t>(s.size()), start, end, b, e);
  if (e - b < static_cast<int64_t>(sub.size())) return 0;
  View window = s.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
  if (sub.empty()) return static_cast<int64_t>(window.size()) + 1;
  int64_t n = 0;
  for (size_t at = window.find(sub); at != View::npos; at = window.find(sub, at + sub.size())) {
    ++n;
  }
  return n;
}

bool startswith(View s, View prefix, Bound start, Bound end) {
  int64_t b, e;
  adjust(static_cast<int64_t>(s.size()), start, end, b, e);
  if (b > static_cast<int64_t>(s.size())) return false;
  if (e - b < static_cast<int64_t>(prefix.size())) return false;
  return s.substr(static_cast<size_t>(b), prefix.size()) == prefix;
}

bool endswith(View s, View suffix, Bound start, Bound end) {
  int64_t b, e;
  adjust(static_cast<int64_t>(s.size()), start, end, b, e);
  if (b > static_cast<int64_t>(s.size())) return false;
  if (e - b < static_cast<int64_t>(suffix.size())) return false;
  return s.substr(static_cast<size_t>(e) - suffix.size(), suffix.size()) == suffix;
}

Str replace(View s, View old, View replacement, int64_t limit) {
  if (limit < 0) limit = INT64_MAX;
  Str out;
  if (old.empty()) {
    // Inserts the replacement before every character and at the end.
    size_t i = 0;
    int64_t done = 0;
    for (; i <= s.size(); ++i) {
      if (done < limit) {
        out += replacement;
        ++done;
      }
      if (i < s.size()) out += s[i];
    }
    return out;
  }
  size_t i = 0;
  int64_t done = 0;
  while (done < limit) {
    size_t at = s.find(old, i);
    if (at == View::npos) break;
    out += s.substr(i, at - i);
    out += replacement;
    i = at + old.size();
    ++done;
  }
  out += s.substr(i);
  return out;
}

std::vector<Str> partition(View s, View sep) {
  size_t at = s.find(sep);
  if (at == View::npos) return {Str(s), Str(), Str()};
  return {Str(s.substr(0, at)), Str(sep), Str(s.substr(at + sep.size()))};
}

std::vector<Str> rpartition(View s, View sep) {
  size_t at = s.rfind(sep);
  if (at == View::npos) return {Str(), Str(), Str(s)};
  return {Str(s.substr(0, at)), Str(sep), Str(s.substr(at + sep.size()))};
}

Str expandtabs(View s, int64_t tabsize) {
  Str out;
  int64_t column = 0;
  for (char32_t c : s) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - (column % tabsize);
        out.append(static_cast<size_t>(spaces), U' ');
        column += spaces;
      }
    } else {
      out += c;
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return out;
}

Str center(View s, int64_t width, char32_t fill) {
  int64_t len = static_cast<int64_t>(s.size());
  if (width <= len) return Str(s);
  int64_t marg = width - len;
  // CPython: left = marg / 2 + (marg & width & 1)
  int64_t left = marg / 2 + (marg & width & 1);
  return pad(s, left, marg - left, fill);
}

Str ljust(View s, int64_t width, char32_t fill) {
  return pad(s, 0, width - static_cast<int64_t>(s.size()), fill);
}

Str rjust(View s, int64_t width, char32_t fill) {
  return pad(s, width - static_cast<int64_t>(s.size()), 0, fill);
}

Str zfill(View s, int64_t width) {
  int64_t len = static_cast<int64_t>(s.size());
  if (width <= len) return Str(s);
  Str out = pad(s, width - len, 0, U'0');
  size_t fill = static_cast<size_t>(width - len);
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    // The sign moves to the front.
    out[0] = s[0];
    out[fill] = U'0';
  }
  return out;
}

Str join(View sep, const std::vector<Str>& parts) {
  Str out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace pylife::runtime::pystr
