// The algorithms behind str's methods (split, strip, find, replace,
// partition, splitlines, expandtabs, padding, ...) on code point strings,
// with CPython 3.11's semantics: slice-style start/end arguments,
// whitespace as str.isspace() sees it, maxsplit/count limits.  The
// runtime's str objects call these.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pylife::runtime::pystr {

using Str = std::u32string;
using View = std::u32string_view;

// Optional slice bound: nullopt is Python's None.
using Bound = std::optional<int64_t>;

// s.split(sep=None, maxsplit=-1); an empty [sep] is invalid (caller raises
// "empty separator").
std::vector<Str> split(View s, const std::optional<Str>& sep, int64_t maxsplit = -1);
std::vector<Str> rsplit(View s, const std::optional<Str>& sep, int64_t maxsplit = -1);
std::vector<Str> splitlines(View s, bool keepends = false);

// strip family; nullopt chars strips whitespace.
Str strip(View s, const std::optional<Str>& chars);
Str lstrip(View s, const std::optional<Str>& chars);
Str rstrip(View s, const std::optional<Str>& chars);

// find / rfind / count with slice bounds; -1 when absent.
int64_t find(View s, View sub, Bound start = {}, Bound end = {});
int64_t rfind(View s, View sub, Bound start = {}, Bound end = {});
int64_t count(View s, View sub, Bound start = {}, Bound end = {});
bool startswith(View s, View prefix, Bound start = {}, Bound end = {});
bool endswith(View s, View suffix, Bound start = {}, Bound end = {});

Str replace(View s, View old, View replacement, int64_t count = -1);

// (head, sep, tail); [sep] must not be empty.
std::vector<Str> partition(View s, View sep);
std::vector<Str> rpartition(View s, View sep);

Str expandtabs(View s, int64_t tabsize = 8);
Str center(View s, int64_t width, char32_t fill = U' ');
Str ljust(View s, int64_t width, char32_t fill = U' ');
Str rjust(View s, int64_t width, char32_t fill = U' ');
Str zfill(View s, int64_t width);
Str join(View sep, const std::vector<Str>& parts);

}  // namespace pylife::runtime::pystr
