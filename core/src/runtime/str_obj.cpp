// str and bytes objects: code point strings with CPython 3.11's methods,
// indexing and slicing, comparison, concatenation and repetition,
// str.format and printf-style '%' formatting.
#include <algorithm>
#include <cmath>

#include "object.h"
#include "pylife/dtoa.h"
#include "pylife/format.h"
#include "pylife/pystr.h"
#include "pylife/hash.h"
#include "pylife/unicode.h"

namespace pylife::runtime {

bool slice_indices(Interp& in, Object* slice, int64_t length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* slicelength);

namespace {

StrObj* S(Object* o) { return static_cast<StrObj*>(o); }
const std::u32string& sv(Object* o) { return S(o)->s; }

bool is_str(Interp& in, Object* o) { return is_type(o, in.t.str); }

Object* str_repr(Interp& in, Object* o) { return new_str(in, unicode::repr_str(utf8(o))); }

bool str_hash(Interp&, Object* o, int64_t* out) {
  *out = str_hash_value(S(o));
  return true;
}

}  // namespace

// CPython 3.11's _Py_HashBytes: SipHash-1-3 with the key CPython uses
// when PYTHONHASHSEED=0 (all zero), so sets of str and bytes iterate in
// the order CPython shows under that setting (the golden outputs').
int64_t hash_bytes(const uint8_t* in, size_t size) {
  if (size == 0) return 0;
  auto r = static_cast<int64_t>(hash::siphash13(0, 0, in, size));
  return r == -1 ? -2 : r;
}

int64_t str_hash_value(const StrObj* s) {
  if (s->hash_cache == -1) {
    // The bytes of CPython's compact representation: 1, 2 or 4 bytes per
    // character by the widest one, little-endian.
    char32_t widest = 0;
    for (char32_t c : s->s) widest = std::max(widest, c);
    size_t kind = widest < 256 ? 1 : widest < 65536 ? 2 : 4;
    size_t size = s->s.size() * kind;
    uint8_t small[256];
    std::vector<uint8_t> big(size > sizeof small ? size : 0);
    uint8_t* data = size > sizeof small ? big.data() : small;
    for (size_t i = 0; i < s->s.size(); ++i) {
      for (size_t k = 0; k < kind; ++k) data[i * kind + k] = static_cast<uint8_t>(s->s[i] >> (8 * k));
    }
    s->hash_cache = hash_bytes(data, size);
  }
  return s->hash_cache;
}

namespace {

Object* str_compare(Interp& in, Object* a, Object* b, int op) {
  if (!is_str(in, a) || !is_str(in, b)) return incref(in.NotImplemented);
  int c = sv(a).compare(sv(b));
  bool r = false;
  switch (op) {
    case kLt: r = c < 0; break;
    case kLe: r = c <= 0; break;
    case kEq: r = c == 0; break;
    case kNe: r = c != 0; break;
    case kGt: r = c > 0; break;
    default: r = c >= 0; break;
  }
  return new_bool(in, r);
}

int64_t str_len(Interp&, Object* o) { return static_cast<int64_t>(sv(o).size()); }

bool repeat_count(Interp& in, Object* n, int64_t* count) {
  if (!is_type(n, in.t.int_)) return false;
  auto* i = static_cast<IntObj*>(n);
  if (i->big) {
    if (i->value.negative()) {
      *count = 0;
      return true;
    }
    in.raise(in.t.OverflowError, "cannot fit 'int' into an index-sized integer");
    return true;
  }
  *count = std::max<int64_t>(0, i->small);
  return true;
}

}  // namespace

// Guards a new string/list of [n] elements of [size] bytes against
// --max-memory and absurd sizes: MemoryError instead of a crash.
bool check_alloc(Interp& in, double n, double size) {
  // The request plus an estimate of what is alive (objects average well
  // under 64 bytes of header and payload).
  double bytes = n * size;
  double live = static_cast<double>(in.live_objects) * 64.0;
  if (bytes > 8e9 || (in.max_memory > 0 && bytes + live > static_cast<double>(in.max_memory))) {
    in.raise(in.t.MemoryError, "");
    return false;
  }
  return true;
}

std::string printf_format(Interp& in, std::u32string_view fmt, Object* args, bool* ok);

namespace {

Object* str_binop(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  if (base == kAdd && is_str(in, a) && is_str(in, b)) {
    if (!check_alloc(in, static_cast<double>(sv(a).size() + sv(b).size()), 4)) return nullptr;
    return new_str(in, sv(a) + sv(b));
  }
  if (base == kMul) {
    Object* s = is_str(in, a) ? a : b;
    Object* n = s == a ? b : a;
    int64_t count;
    if (!is_str(in, s) || !repeat_count(in, n, &count)) return incref(in.NotImplemented);
    if (in.error()) return nullptr;
    if (!check_alloc(in, static_cast<double>(sv(s).size()) * static_cast<double>(count), 4)) return nullptr;
    std::u32string r;
    r.reserve(sv(s).size() * static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) r += sv(s);
    return new_str(in, std::move(r));
  }
  if (base == kRem && is_str(in, a) && op < kInplace + 100) {
    bool ok = true;
    std::string r = printf_format(in, sv(a), b, &ok);
    if (!ok) return nullptr;
    return new_str(in, r);
  }
  return incref(in.NotImplemented);
}

Object* str_getitem(Interp& in, Object* o, Object* key) {
  const auto& s = sv(o);
  if (is_type(key, in.t.slice)) {
    int64_t start, stop, step, n;
    if (!slice_indices(in, key, static_cast<int64_t>(s.size()), &start, &stop, &step, &n)) return nullptr;
    std::u32string r;
    r.reserve(static_cast<size_t>(n));
    for (int64_t i = 0, j = start; i < n; ++i, j += step) r += s[static_cast<size_t>(j)];
    return new_str(in, std::move(r));
  }
  int64_t i;
  if (!is_type(key, in.t.int_) && !type_lookup(in, key->type, "__index__")) {
    return in.raise(in.t.TypeError, "string indices must be integers, not '" + type_name(key) + "'");
  }
  if (!index_value(in, key, &i)) {
    if (in.matches(in.t.IndexError)) {
      in.clear_error();
      return in.raise(in.t.IndexError, "cannot fit 'int' into an index-sized integer");
    }
    return nullptr;
  }
  if (i < 0) i += static_cast<int64_t>(s.size());
  if (i < 0 || i >= static_cast<int64_t>(s.size())) return in.raise(in.t.IndexError, "string index out of range");
  return new_str(in, std::u32string(1, s[static_cast<size_t>(i)]));
}

int str_contains(Interp& in, Object* o, Object* item) {
  if (!is_str(in, item)) {
    in.raise(in.t.TypeError, "'in <string>' requires string as left operand, not " + type_name(item));
    return -1;
  }
  return sv(o).find(sv(item)) != std::u32string::npos;
}

Object* str_iter(Interp& in, Object* o) {
  auto* it = in.alloc<IterObj>(in.t.iter);
  it->kind = IterObj::kSeq;
  it->seq = incref(o);
  return it;
}

Object* str_create(Interp& in, Type* type, const Args& args) {
  Object* a[3];
  if (!parse_args(in, "str", args, {"object", "encoding", "errors"}, 0, a)) return nullptr;
  Object* r;
  if (!a[0]) {
    r = new_str(in, std::u32string());
  } else if (a[1] || a[2]) {
    if (!is_type(a[0], in.t.bytes)) {
      return in.raise(in.t.TypeError, "decoding to str: need a bytes-like object, " + type_name(a[0]) + " found");
    }
    r = new_str(in, static_cast<BytesObj*>(a[0])->s);
  } else {
    r = str(in, a[0]);
  }
  if (!r || type == in.t.str) return r;
  auto* o = in.alloc<StrObj>(type);
  o->s = sv(r);
  decref(r);
  return o;
}

// ---- argument helpers -------------------------------------------------------------

bool opt_str(Interp& in, Object* o, std::optional<std::u32string>* out, const char* what) {
  if (!o || o == in.None) return true;
  if (!is_str(in, o)) {
    in.raise(in.t.TypeError, std::string(what) + " arg must be None or str");
    return false;
  }
  *out = sv(o);
  return true;
}

bool bound_arg(Interp& in, Object* o, pystr::Bound* out) {
  if (!o || o == in.None) return true;
  int64_t v;
  if (!is_type(o, in.t.int_) && !type_lookup(in, o->type, "__index__")) {
    in.raise(in.t.TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  if (!index_value(in, o, &v)) return false;
  *out = v;
  return true;
}

bool need_str(Interp& in, Object* o, const std::string& msg) {
  if (is_str(in, o)) return true;
  in.raise(in.t.TypeError, msg + type_name(o));
  return false;
}

Object* str_list(Interp& in, const std::vector<std::u32string>& parts) {
  std::vector<Object*> items;
  items.reserve(parts.size());
  for (const auto& p : parts) items.push_back(new_str(in, p));
  return new_list(in, std::move(items));
}

Object* str_tuple(Interp& in, const std::vector<std::u32string>& parts) {
  std::vector<Object*> items;
  for (const auto& p : parts) items.push_back(new_str(in, p));
  return new_tuple(in, std::move(items));
}

// ---- methods -----------------------------------------------------------------------

template <bool kRight>
Object* m_split(Interp& in, Object* self, const Args& args) {
  Object* a[2];
  if (!parse_args(in, kRight ? "rsplit" : "split", args, {"sep", "maxsplit"}, 0, a)) return nullptr;
  std::optional<std::u32string> sep;
  if (a[0] && a[0] != in.None && !is_str(in, a[0])) {
    return in.raise(in.t.TypeError, "must be str or None, not " + type_name(a[0]));
  }
  if (!opt_str(in, a[0], &sep, "sep")) return nullptr;
  if (sep && sep->empty()) return in.raise(in.t.ValueError, "empty separator");
  int64_t maxsplit = -1;
  if (a[1] && !index_value(in, a[1], &maxsplit)) return nullptr;
  return str_list(in, kRight ? pystr::rsplit(sv(self), sep, maxsplit) : pystr::split(sv(self), sep, maxsplit));
}

Object* m_splitlines(Interp& in, Object* self, const Args& args) {
  Object* a[1];
  if (!parse_args(in, "splitlines", args, {"keepends"}, 0, a)) return nullptr;
  int keep = a[0] ? truth(in, a[0]) : 0;
  if (keep < 0) return nullptr;
  return str_list(in, pystr::splitlines(sv(self), keep));
}

Object* m_join(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "join", args, 1, 1)) return nullptr;
  Object* list = sequence_to_list(in, args.items[0]);
  if (!list) return nullptr;
  std::u32string r;
  const auto& items = static_cast<ListObj*>(list)->items;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!is_str(in, items[i])) {
      std::string msg = "sequence item " + std::to_string(i) + ": expected str instance, " +
                        type_name(items[i]) + " found";
      decref(list);
      return in.raise(in.t.TypeError, msg);
    }
    if (i) r += sv(self);
    r += sv(items[i]);
  }
  decref(list);
  return new_str(in, std::move(r));
}

template <int kWhich>
Object* m_strip(Interp& in, Object* self, const Args& args) {
  static const char* const names[] = {"strip", "lstrip", "rstrip"};
  if (!arg_count(in, names[kWhich], args, 0, 1)) return nullptr;
  std::optional<std::u32string> chars;
  if (args.npos && !opt_str(in, args.items[0], &chars, names[kWhich])) return nullptr;
  if (kWhich == 0) return new_str(in, pystr::strip(sv(self), chars));
  if (kWhich == 1) return new_str(in, pystr::lstrip(sv(self), chars));
  return new_str(in, pystr::rstrip(sv(self), chars));
}

Object* m_replace(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "replace", args, 2, 3)) return nullptr;
  if (!need_str(in, args.items[0], "replace() argument 1 must be str, not ")) return nullptr;
  if (!need_str(in, args.items[1], "replace() argument 2 must be str, not ")) return nullptr;
  int64_t count = -1;
  if (args.npos == 3 && !index_value(in, args.items[2], &count)) return nullptr;
  return new_str(in, pystr::replace(sv(self), sv(args.items[0]), sv(args.items[1]), count));
}

// find, rfind, index, rindex, count.
template <int kWhich>
Object* m_find(Interp& in, Object* self, const Args& args) {
  static const char* const names[] = {"find", "rfind", "index", "rindex", "count"};
  if (!arg_count(in, names[kWhich], args, 1, 3)) return nullptr;
  if (!need_str(in, args.items[0], "must be str, not ")) return nullptr;
  pystr::Bound start, end;
  if (args.npos > 1 && !bound_arg(in, args.items[1], &start)) return nullptr;
  if (args.npos > 2 && !bound_arg(in, args.items[2], &end)) return nullptr;
  if (kWhich == 4) return new_int(in, pystr::count(sv(self), sv(args.items[0]), start, end));
  int64_t r = (kWhich == 0 || kWhich == 2) ? pystr::find(sv(self), sv(args.items[0]), start, end)
                                           : pystr::rfind(sv(self), sv(args.items[0]), start, end);
  if (r < 0 && kWhich >= 2) return in.raise(in.t.ValueError, "substring not found");
  return new_int(in, r);
}

template <bool kEnd>
Object* m_startswith(Interp& in, Object* self, const Args& args) {
  const char* name = kEnd ? "endswith" : "startswith";
  if (!arg_count(in, name, args, 1, 3)) return nullptr;
  pystr::Bound start, end;
  if (args.npos > 1 && !bound_arg(in, args.items[1], &start)) return nullptr;
  if (args.npos > 2 && !bound_arg(in, args.items[2], &end)) return nullptr;
  Object* p = args.items[0];
  auto test = [&](Object* x) {
    return kEnd ? pystr::endswith(sv(self), sv(x), start, end) : pystr::startswith(sv(self), sv(x), start, end);
  };
  if (is_type(p, in.t.tuple)) {
    for (Object* x : static_cast<TupleObj*>(p)->items) {
      if (!is_str(in, x)) {
        return in.raise(in.t.TypeError, std::string("tuple for ") + name + " must only contain str, not " + type_name(x));
      }
      if (test(x)) return new_bool(in, true);
    }
    return new_bool(in, false);
  }
  if (!is_str(in, p)) {
    return in.raise(in.t.TypeError, std::string(name) + " first arg must be str or a tuple of str, not " + type_name(p));
  }
  return new_bool(in, test(p));
}

template <std::u32string (*kFn)(std::u32string_view)>
Object* m_case(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "method", args, 0, 0)) return nullptr;
  return new_str(in, kFn(sv(self)));
}

template <bool (*kFn)(std::u32string_view)>
Object* m_is(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "method", args, 0, 0)) return nullptr;
  return new_bool(in, kFn(sv(self)));
}

bool str_isascii(std::u32string_view s) {
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return c < 128; });
}
bool str_isidentifier(std::u32string_view s) { return unicode::is_identifier(s); }

bool fill_char(Interp& in, const Args& args, char32_t* fill) {
  if (args.npos < 2) return true;
  Object* f = args.items[1];
  if (!is_str(in, f) || sv(f).size() != 1) {
    in.raise(in.t.TypeError, "The fill character must be exactly one character long");
    return false;
  }
  *fill = sv(f)[0];
  return true;
}

template <int kWhich>
Object* m_pad(Interp& in, Object* self, const Args& args) {
  static const char* const names[] = {"center", "ljust", "rjust"};
  if (!arg_count(in, names[kWhich], args, 1, 2)) return nullptr;
  int64_t width;
  if (!index_value(in, args.items[0], &width)) return nullptr;
  char32_t fill = U' ';
  if (!fill_char(in, args, &fill)) return nullptr;
  if (kWhich == 0) return new_str(in, pystr::center(sv(self), width, fill));
  if (kWhich == 1) return new_str(in, pystr::ljust(sv(self), width, fill));
  return new_str(in, pystr::rjust(sv(self), width, fill));
}

Object* m_zfill(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "zfill", args, 1, 1)) return nullptr;
  int64_t width;
  if (!index_value(in, args.items[0], &width)) return nullptr;
  return new_str(in, pystr::zfill(sv(self), width));
}

template <bool kRight>
Object* m_partition(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, kRight ? "rpartition" : "partition", args, 1, 1)) return nullptr;
  if (!need_str(in, args.items[0], "must be str, not ")) return nullptr;
  if (sv(args.items[0]).empty()) return in.raise(in.t.ValueError, "empty separator");
  return str_tuple(in, kRight ? pystr::rpartition(sv(self), sv(args.items[0]))
                              : pystr::partition(sv(self), sv(args.items[0])));
}

Object* m_expandtabs(Interp& in, Object* self, const Args& args) {
  Object* a[1];
  if (!parse_args(in, "expandtabs", args, {"tabsize"}, 0, a)) return nullptr;
  int64_t size = 8;
  if (a[0] && !index_value(in, a[0], &size)) return nullptr;
  return new_str(in, pystr::expandtabs(sv(self), size));
}

Object* m_encode(Interp& in, Object* self, const Args& args) {
  Object* a[2];
  if (!parse_args(in, "encode", args, {"encoding", "errors"}, 0, a)) return nullptr;
  std::string enc = a[0] ? utf8(a[0]) : "utf-8";
  std::string lower;
  for (char c : enc) lower += static_cast<char>(c == '_' ? '-' : std::tolower(static_cast<unsigned char>(c)));
  if (lower == "utf-8" || lower == "utf8") return new_bytes(in, utf8(self));
  if (lower == "ascii" || lower == "latin-1" || lower == "latin1" || lower == "iso-8859-1") {
    unsigned limit = lower == "ascii" ? 128 : 256;
    std::string out;
    const auto& s = sv(self);
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] >= limit) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "'%s' codec can't encode character '\\x%02x' in position %zu: ordinal not in range(%u)",
                      lower == "ascii" ? "ascii" : "latin-1", static_cast<unsigned>(s[i]), i, limit);
        std::string msg = buf;
        if (s[i] > 0xff) {
          std::snprintf(buf, sizeof buf, "'%s' codec can't encode character '\\u%04x' in position %zu: ordinal not in range(%u)",
                        lower == "ascii" ? "ascii" : "latin-1", static_cast<unsigned>(s[i]), i, limit);
          msg = buf;
        }
        return in.raise(in.t.UnicodeEncodeError, msg);
      }
      out += static_cast<char>(s[i]);
    }
    return new_bytes(in, out);
  }
  return in.raise(in.t.LookupError, "unknown encoding: " + enc);
}

Object* m_maketrans(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "maketrans", args, 1, 3)) return nullptr;
  DictObj* d = new_dict(in);
  Ref guard(d);
  if (args.npos == 1) {
    Object* m = args.items[0];
    if (!is_type(m, in.t.dict)) {
      return in.raise(in.t.TypeError, "if you give only one argument to maketrans it must be a dict");
    }
    for (auto& e : static_cast<DictObj*>(m)->entries) {
      if (!e.key) continue;
      Object* k;
      if (is_str(in, e.key)) {
        if (sv(e.key).size() != 1) {
          return in.raise(in.t.ValueError, "string keys in translate table must be of length 1");
        }
        k = new_int(in, static_cast<int64_t>(sv(e.key)[0]));
      } else {
        k = incref(e.key);
      }
      dict_set(in, d, k, e.value);
      decref(k);
    }
    return guard.release();
  }
  if (!is_str(in, args.items[0]) || !is_str(in, args.items[1])) {
    return in.raise(in.t.TypeError, "maketrans() argument must be str");
  }
  const auto &x = sv(args.items[0]), &y = sv(args.items[1]);
  if (x.size() != y.size()) {
    return in.raise(in.t.ValueError, "the first two maketrans arguments must have equal length");
  }
  for (size_t i = 0; i < x.size(); ++i) {
    Object* k = new_int(in, x[i]);
    Object* v = new_int(in, y[i]);
    dict_set(in, d, k, v);
    decref(k);
    decref(v);
  }
  if (args.npos == 3) {
    for (char32_t c : sv(args.items[2])) {
      Object* k = new_int(in, c);
      dict_set(in, d, k, in.None);
      decref(k);
    }
  }
  return guard.release();
}

Object* m_translate(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "translate", args, 1, 1)) return nullptr;
  Object* table = args.items[0];
  std::u32string out;
  for (char32_t c : sv(self)) {
    Object* k = new_int(in, c);
    Object* v = getitem(in, table, k);
    decref(k);
    if (!v) {
      if (in.matches(in.t.LookupError)) {
        in.clear_error();
        out += c;
        continue;
      }
      return nullptr;
    }
    if (v == in.None) {
    } else if (is_str(in, v)) {
      out += sv(v);
    } else if (is_type(v, in.t.int_)) {
      out += static_cast<char32_t>(static_cast<IntObj*>(v)->small);
    } else {
      decref(v);
      return in.raise(in.t.TypeError, "character mapping must return integer, None or str");
    }
    decref(v);
  }
  return new_str(in, std::move(out));
}

Object* m_str_format(Interp& in, Object* self, const Args& args);

Object* m_format_spec(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__format__", args, 1, 1)) return nullptr;
  if (!is_str(in, args.items[0])) {
    return in.raise(in.t.TypeError, "__format__() argument must be str, not " + type_name(args.items[0]));
  }
  std::string err;
  auto r = format_str(utf8(self), utf8(args.items[0]), &err);
  if (!r) return in.raise(in.t.ValueError, err);
  return new_str(in, *r);
}

Object* m_removeprefix(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "removeprefix", args, 1, 1)) return nullptr;
  if (!need_str(in, args.items[0], "removeprefix() argument must be str, not ")) return nullptr;
  const auto &s = sv(self), &p = sv(args.items[0]);
  if (s.compare(0, p.size(), p) == 0) return new_str(in, s.substr(p.size()));
  return new_str(in, s);
}

Object* m_removesuffix(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "removesuffix", args, 1, 1)) return nullptr;
  if (!need_str(in, args.items[0], "removesuffix() argument must be str, not ")) return nullptr;
  const auto &s = sv(self), &p = sv(args.items[0]);
  if (!p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0) {
    return new_str(in, s.substr(0, s.size() - p.size()));
  }
  return new_str(in, s);
}

// ---- bytes ---------------------------------------------------------------------------

const std::string& bv(Object* o) { return static_cast<BytesObj*>(o)->s; }

Object* bytes_repr(Interp& in, Object* o) { return new_str(in, unicode::repr_bytes(bv(o))); }

bool bytes_hash(Interp&, Object* o, int64_t* out) {
  const std::string& b = bv(o);
  *out = hash_bytes(reinterpret_cast<const uint8_t*>(b.data()), b.size());
  return true;
}

Object* bytes_compare(Interp& in, Object* a, Object* b, int op) {
  if (!is_type(a, in.t.bytes) || !is_type(b, in.t.bytes)) return incref(in.NotImplemented);
  int c = bv(a).compare(bv(b));
  bool r = op == kLt ? c < 0 : op == kLe ? c <= 0 : op == kEq ? c == 0 : op == kNe ? c != 0 : op == kGt ? c > 0 : c >= 0;
  return new_bool(in, r);
}

int64_t bytes_len(Interp&, Object* o) { return static_cast<int64_t>(bv(o).size()); }

Object* bytes_getitem(Interp& in, Object* o, Object* key) {
  const auto& s = bv(o);
  if (is_type(key, in.t.slice)) {
    int64_t start, stop, step, n;
    if (!slice_indices(in, key, static_cast<int64_t>(s.size()), &start, &stop, &step, &n)) return nullptr;
    std::string r;
    for (int64_t i = 0, j = start; i < n; ++i, j += step) r += s[static_cast<size_t>(j)];
    return new_bytes(in, r);
  }
  int64_t i;
  if (!index_value(in, key, &i)) return nullptr;
  if (i < 0) i += static_cast<int64_t>(s.size());
  if (i < 0 || i >= static_cast<int64_t>(s.size())) return in.raise(in.t.IndexError, "index out of range");
  return new_int(in, static_cast<unsigned char>(s[static_cast<size_t>(i)]));
}

Object* bytes_binop(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  if (base == kAdd && is_type(a, in.t.bytes) && is_type(b, in.t.bytes)) return new_bytes(in, bv(a) + bv(b));
  if (base == kMul) {
    Object* s = is_type(a, in.t.bytes) ? a : b;
    Object* n = s == a ? b : a;
    int64_t count;
    if (!is_type(s, in.t.bytes) || !repeat_count(in, n, &count)) return incref(in.NotImplemented);
    if (!check_alloc(in, static_cast<double>(bv(s).size()) * static_cast<double>(count), 1)) return nullptr;
    std::string r;
    for (int64_t i = 0; i < count; ++i) r += bv(s);
    return new_bytes(in, r);
  }
  return incref(in.NotImplemented);
}

int bytes_contains(Interp& in, Object* o, Object* item) {
  if (is_type(item, in.t.int_)) {
    int64_t v = static_cast<IntObj*>(item)->small;
    return bv(o).find(static_cast<char>(v)) != std::string::npos;
  }
  if (!is_type(item, in.t.bytes)) {
    in.raise(in.t.TypeError, "a bytes-like object is required, not '" + type_name(item) + "'");
    return -1;
  }
  return bv(o).find(bv(item)) != std::string::npos;
}

Object* bytes_create(Interp& in, Type*, const Args& args) {
  Object* a[3];
  if (!parse_args(in, "bytes", args, {"source", "encoding", "errors"}, 0, a)) return nullptr;
  if (!a[0]) return new_bytes(in, "");
  if (is_str(in, a[0])) {
    if (!a[1]) return in.raise(in.t.TypeError, "string argument without an encoding");
    Object* enc_args[] = {a[1]};
    return m_encode(in, a[0], Args{enc_args, 1, nullptr});
  }
  if (is_type(a[0], in.t.int_)) {
    int64_t n;
    if (!index_value(in, a[0], &n)) return nullptr;
    if (n < 0) return in.raise(in.t.ValueError, "negative count");
    if (!check_alloc(in, static_cast<double>(n), 1)) return nullptr;
    return new_bytes(in, std::string(static_cast<size_t>(n), '\0'));
  }
  Object* list = sequence_to_list(in, a[0]);
  if (!list) return nullptr;
  std::string out;
  for (Object* x : static_cast<ListObj*>(list)->items) {
    int64_t v;
    if (!index_value(in, x, &v)) {
      decref(list);
      return nullptr;
    }
    if (v < 0 || v > 255) {
      decref(list);
      return in.raise(in.t.ValueError, "bytes must be in range(0, 256)");
    }
    out += static_cast<char>(v);
  }
  decref(list);
  return new_bytes(in, out);
}

Object* m_decode(Interp& in, Object* self, const Args& args) {
  Object* a[2];
  if (!parse_args(in, "decode", args, {"encoding", "errors"}, 0, a)) return nullptr;
  const std::string& s = bv(self);
  std::string enc = a[0] ? utf8(a[0]) : "utf-8";
  if (enc == "latin-1" || enc == "latin1") {
    std::u32string r;
    for (unsigned char c : s) r += c;
    return new_str(in, r);
  }
  // Validate UTF-8.
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size();
    for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
    if (!ok) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", c, i,
                    n == 0 ? "invalid start byte" : "invalid continuation byte");
      return in.raise(in.t.UnicodeDecodeError, buf);
    }
    i += n;
  }
  return new_str(in, s);
}

Object* bytes_iter(Interp& in, Object* o) {
  auto* it = in.alloc<IterObj>(in.t.iter);
  it->kind = IterObj::kSeq;
  it->seq = incref(o);
  return it;
}

}  // namespace

// ---- str.format -------------------------------------------------------------------------

namespace {

// Resolves "name", "0", "name.attr", "name[key]" against the arguments.
Object* format_field_value(Interp& in, std::u32string_view field, const Args& args, int* auto_index,
                           bool* used_manual) {
  size_t end = 0;
  while (end < field.size() && field[end] != U'.' && field[end] != U'[') ++end;
  std::u32string_view head = field.substr(0, end);
  Object* value = nullptr;
  bool numeric = !head.empty() && std::all_of(head.begin(), head.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
  if (head.empty()) {
    if (*used_manual) {
      return in.raise(in.t.ValueError, "cannot switch from manual field specification to automatic field numbering");
    }
    int i = (*auto_index)++;
    if (static_cast<size_t>(i) >= args.npos) {
      return in.raise(in.t.IndexError, "Replacement index " + std::to_string(i) + " out of range for positional args tuple");
    }
    value = incref(args.items[i]);
  } else if (numeric) {
    if (*auto_index > 0) {
      return in.raise(in.t.ValueError, "cannot switch from automatic field numbering to manual field specification");
    }
    *used_manual = true;
    size_t i = std::stoul(unicode::encode_utf8(head));
    if (i >= args.npos) {
      return in.raise(in.t.IndexError, "Replacement index " + std::to_string(i) + " out of range for positional args tuple");
    }
    value = incref(args.items[i]);
  } else {
    for (size_t k = 0; k < args.nkw(); ++k) {
      if (str_view(args.kwname(k)) == head) value = incref(args.kwvalue(k));
    }
    if (!value) {
      Object* key = new_str(in, std::u32string(head));
      Object* args_tuple = new_tuple(in, {key});
      return in.raise_obj(new_exception(in, in.t.KeyError, args_tuple));
    }
  }
  size_t i = end;
  while (i < field.size() && value) {
    if (field[i] == U'.') {
      size_t j = i + 1;
      while (j < field.size() && field[j] != U'.' && field[j] != U'[') ++j;
      Object* name = new_str(in, std::u32string(field.substr(i + 1, j - i - 1)));
      Object* next = getattr(in, value, name);
      decref(name);
      decref(value);
      value = next;
      i = j;
    } else {
      size_t j = field.find(U']', i);
      if (j == std::u32string_view::npos) {
        decref(value);
        return in.raise(in.t.ValueError, "Missing ']' in format string");
      }
      std::u32string_view k = field.substr(i + 1, j - i - 1);
      Object* key;
      if (!k.empty() && std::all_of(k.begin(), k.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; })) {
        key = new_int(in, static_cast<int64_t>(std::stoll(unicode::encode_utf8(k))));
      } else {
        key = new_str(in, std::u32string(k));
      }
      Object* next = getitem(in, value, key);
      decref(key);
      decref(value);
      value = next;
      i = j + 1;
    }
  }
  return value;
}

bool format_into(Interp& in, std::u32string_view fmt, const Args& args, int* auto_index, bool* used_manual,
                 std::u32string& out, int depth) {
  if (depth > 2) {
    in.raise(in.t.ValueError, "Max string recursion exceeded");
    return false;
  }
  for (size_t i = 0; i < fmt.size(); ++i) {
    char32_t c = fmt[i];
    if (c == U'}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == U'}') {
        out += U'}';
        ++i;
        continue;
      }
      in.raise(in.t.ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (c != U'{') {
      out += c;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == U'{') {
      out += U'{';
      ++i;
      continue;
    }
    // Find the matching '}' (nested braces in the spec).
    size_t j = i + 1;
    int level = 1;
    for (; j < fmt.size(); ++j) {
      if (fmt[j] == U'{') ++level;
      if (fmt[j] == U'}' && --level == 0) break;
    }
    if (j >= fmt.size()) {
      in.raise(in.t.ValueError, level > 1 ? "unmatched '{' in format spec" : "Single '{' encountered in format string");
      return false;
    }
    std::u32string_view inner = fmt.substr(i + 1, j - i - 1);
    size_t colon = std::u32string_view::npos, bang = std::u32string_view::npos;
    for (size_t k = 0, br = 0; k < inner.size(); ++k) {
      if (inner[k] == U'[') br = 1;
      if (inner[k] == U']') br = 0;
      if (br) continue;
      if (inner[k] == U'!' && bang == std::u32string_view::npos && colon == std::u32string_view::npos) bang = k;
      if (inner[k] == U':') {
        colon = k;
        break;
      }
    }
    std::u32string_view field = inner.substr(0, std::min(bang, colon));
    char32_t conv = 0;
    if (bang != std::u32string_view::npos) {
      size_t conv_end = colon == std::u32string_view::npos ? inner.size() : colon;
      if (conv_end != bang + 2) {
        in.raise(in.t.ValueError, conv_end == bang + 1 ? "end of string while looking for conversion specifier"
                                                       : "expected ':' after conversion specifier");
        return false;
      }
      conv = inner[bang + 1];
    }
    std::u32string spec;
    if (colon != std::u32string_view::npos) {
      if (!format_into(in, inner.substr(colon + 1), args, auto_index, used_manual, spec, depth + 1)) return false;
    }
    Object* value = format_field_value(in, field, args, auto_index, used_manual);
    if (!value) return false;
    if (conv) {
      Object* converted = nullptr;
      if (conv == U'r') {
        converted = repr(in, value);
      } else if (conv == U's') {
        converted = str(in, value);
      } else if (conv == U'a') {
        converted = ascii(in, value);
      } else {
        decref(value);
        std::string c8;
        unicode::append_utf8(c8, conv);
        in.raise(in.t.ValueError, "Unknown conversion specifier " + c8);
        return false;
      }
      decref(value);
      if (!converted) return false;
      value = converted;
    }
    Object* spec_obj = new_str(in, spec);
    Object* formatted = runtime::format(in, value, spec_obj);
    decref(spec_obj);
    decref(value);
    if (!formatted) return false;
    out += sv(formatted);
    decref(formatted);
    i = j;
  }
  return true;
}

Object* m_str_format(Interp& in, Object* self, const Args& args) {
  std::u32string out;
  int auto_index = 0;
  bool manual = false;
  if (!format_into(in, sv(self), args, &auto_index, &manual, out, 0)) return nullptr;
  return new_str(in, std::move(out));
}

}  // namespace

// ---- printf-style formatting ---------------------------------------------------------------

std::string printf_format(Interp& in, std::u32string_view fmt, Object* args, bool* ok) {
  std::string out;
  std::vector<Object*> items;
  bool is_tuple = is_exact(args, in.t.tuple) || is_type(args, in.t.tuple);
  bool is_mapping = !is_tuple && !is_str(in, args) && args->type->getitem && !is_type(args, in.t.list) &&
                    !is_type(args, in.t.bytes) && !is_type(args, in.t.range);
  if (is_tuple) {
    items = static_cast<TupleObj*>(args)->items;
  } else {
    items = {args};
  }
  size_t next = 0;
  bool used_mapping = false;
  auto fail = [&](Type* t, const std::string& msg) {
    in.raise(t, msg);
    *ok = false;
    return std::string();
  };
  for (size_t i = 0; i < fmt.size(); ++i) {
    char32_t c = fmt[i];
    if (c != U'%') {
      unicode::append_utf8(out, c);
      continue;
    }
    ++i;
    if (i >= fmt.size()) return fail(in.t.ValueError, "incomplete format");
    Object* value = nullptr;
    Ref key_value;
    if (fmt[i] == U'(') {
      if (!is_mapping) return fail(in.t.TypeError, "format requires a mapping");
      size_t j = i + 1;
      int level = 1;
      for (; j < fmt.size(); ++j) {
        if (fmt[j] == U'(') ++level;
        if (fmt[j] == U')' && --level == 0) break;
      }
      if (j >= fmt.size()) return fail(in.t.ValueError, "incomplete format key");
      Object* key = new_str(in, std::u32string(fmt.substr(i + 1, j - i - 1)));
      key_value = Ref(getitem(in, args, key));
      decref(key);
      if (!key_value) {
        *ok = false;
        return "";
      }
      value = key_value.get();
      used_mapping = true;
      i = j + 1;
    }
    std::string flags;
    while (i < fmt.size() && (fmt[i] == U'-' || fmt[i] == U'+' || fmt[i] == U' ' || fmt[i] == U'#' || fmt[i] == U'0')) {
      flags += static_cast<char>(fmt[i]);
      ++i;
    }
    auto next_arg = [&]() -> Object* {
      if (next >= items.size()) return nullptr;
      return items[next++];
    };
    long width = -1, prec = -1;
    if (i < fmt.size() && fmt[i] == U'*') {
      Object* w = next_arg();
      if (!w) return fail(in.t.TypeError, "not enough arguments for format string");
      if (!is_type(w, in.t.int_)) return fail(in.t.TypeError, "* wants int");
      width = static_cast<long>(static_cast<IntObj*>(w)->small);
      if (width < 0) {
        flags += '-';
        width = -width;
      }
      ++i;
    } else {
      while (i < fmt.size() && fmt[i] >= U'0' && fmt[i] <= U'9') {
        width = (width < 0 ? 0 : width) * 10 + static_cast<long>(fmt[i] - U'0');
        ++i;
      }
    }
    if (i < fmt.size() && fmt[i] == U'.') {
      ++i;
      prec = 0;
      if (i < fmt.size() && fmt[i] == U'*') {
        Object* p = next_arg();
        if (!p) return fail(in.t.TypeError, "not enough arguments for format string");
        prec = static_cast<long>(static_cast<IntObj*>(p)->small);
        ++i;
      } else {
        while (i < fmt.size() && fmt[i] >= U'0' && fmt[i] <= U'9') {
          prec = prec * 10 + static_cast<long>(fmt[i] - U'0');
          ++i;
        }
      }
    }
    while (i < fmt.size() && (fmt[i] == U'h' || fmt[i] == U'l' || fmt[i] == U'L')) ++i;
    if (i >= fmt.size()) return fail(in.t.ValueError, "incomplete format");
    char32_t conv = fmt[i];
    if (conv == U'%') {
      out += '%';
      continue;
    }
    if (!value) {
      value = next_arg();
      if (!value) return fail(in.t.TypeError, "not enough arguments for format string");
    }
    std::string body;
    bool numeric = false;
    bool left = flags.find('-') != std::string::npos;
    bool zero = flags.find('0') != std::string::npos && !left;
    switch (conv) {
      case U's':
      case U'r':
      case U'a': {
        Object* r = conv == U's' ? str(in, value) : conv == U'r' ? repr(in, value) : ascii(in, value);
        if (!r) {
          *ok = false;
          return "";
        }
        std::u32string s = sv(r);
        decref(r);
        if (prec >= 0 && static_cast<size_t>(prec) < s.size()) s.resize(static_cast<size_t>(prec));
        body = unicode::encode_utf8(s);
        break;
      }
      case U'c': {
        if (is_str(in, value)) {
          if (sv(value).size() != 1) return fail(in.t.TypeError, "%c requires int or char");
          body = utf8(value);
        } else if (is_type(value, in.t.int_)) {
          int64_t v = static_cast<IntObj*>(value)->small;
          if (v < 0 || v > 0x10ffff) return fail(in.t.OverflowError, "%c arg not in range(0x110000)");
          unicode::append_utf8(body, static_cast<char32_t>(v));
        } else {
          return fail(in.t.TypeError, "%c requires int or char");
        }
        break;
      }
      case U'd':
      case U'i':
      case U'u':
      case U'x':
      case U'X':
      case U'o': {
        numeric = true;
        BigInt v;
        if (is_type(value, in.t.int_)) {
          v = int_value(value);
        } else if (is_type(value, in.t.float_) && (conv == U'd' || conv == U'i' || conv == U'u')) {
          double d = static_cast<FloatObj*>(value)->value;
          if (!std::isfinite(d)) {
            return fail(std::isnan(d) ? in.t.ValueError : in.t.OverflowError,
                        std::isnan(d) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
          }
          v = BigInt::from_double(d);
        } else if (conv == U'd' || conv == U'i' || conv == U'u') {
          return fail(in.t.TypeError, "%" + std::string(1, static_cast<char>(conv)) + " format: a real number is required, not " + type_name(value));
        } else {
          return fail(in.t.TypeError, "%" + std::string(1, static_cast<char>(conv)) + " format: an integer is required, not " + type_name(value));
        }
        int base = conv == U'x' || conv == U'X' ? 16 : conv == U'o' ? 8 : 10;
        std::string digits = v.abs().to_string(base);
        if (conv == U'X') {
          for (char& ch : digits) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        }
        if (prec >= 0 && digits.size() < static_cast<size_t>(prec)) digits.insert(0, static_cast<size_t>(prec) - digits.size(), '0');
        std::string prefix = v.negative() ? "-" : flags.find('+') != std::string::npos ? "+" : flags.find(' ') != std::string::npos ? " " : "";
        if (flags.find('#') != std::string::npos && base != 10) prefix += base == 16 ? (conv == U'X' ? "0X" : "0x") : "0o";
        if (zero && width > 0 && prefix.size() + digits.size() < static_cast<size_t>(width)) {
          digits.insert(0, static_cast<size_t>(width) - prefix.size() - digits.size(), '0');
        }
        body = prefix + digits;
        break;
      }
      case U'e':
      case U'E':
      case U'f':
      case U'F':
      case U'g':
      case U'G': {
        numeric = true;
        bool fok;
        if (!is_type(value, in.t.float_) && !is_type(value, in.t.int_)) {
          return fail(in.t.TypeError, "must be real number, not " + type_name(value));
        }
        double d = float_value(in, value, &fok);
        if (!fok) {
          *ok = false;
          return "";
        }
        int dflags = flags.find('#') != std::string::npos ? dtoa::kAlt : 0;
        std::string digits = dtoa::double_to_string(std::fabs(d), static_cast<char>(conv), prec < 0 ? 6 : static_cast<int>(prec), dflags);
        std::string prefix = std::signbit(d) && !std::isnan(d) ? "-" : flags.find('+') != std::string::npos ? "+" : flags.find(' ') != std::string::npos ? " " : "";
        if (zero && width > 0 && std::isfinite(d) && prefix.size() + digits.size() < static_cast<size_t>(width)) {
          digits.insert(0, static_cast<size_t>(width) - prefix.size() - digits.size(), '0');
        }
        body = prefix + digits;
        break;
      }
      default: {
        char buf[96];
        std::string ch;
        unicode::append_utf8(ch, conv);
        std::snprintf(buf, sizeof buf, "unsupported format character '%s' (0x%x) at index %zu", ch.c_str(),
                      static_cast<unsigned>(conv), i);
        return fail(in.t.ValueError, buf);
      }
    }
    (void)numeric;
    size_t len = unicode::count_code_points(body);
    if (width > 0 && len < static_cast<size_t>(width)) {
      std::string pad(static_cast<size_t>(width) - len, ' ');
      body = left ? body + pad : pad + body;
    }
    out += body;
  }
  if (!used_mapping && next < items.size() && !(is_mapping && !is_tuple)) {
    return fail(in.t.TypeError, "not all arguments converted during string formatting");
  }
  return out;
}


// ---- bytes methods ----------------------------------------------------------------------
// Most are the str method of the same name over the bytes as latin-1 text
// (one character per byte): bytes arguments become str, str results
// become bytes again; a str argument is the TypeError bytes methods give.
// Case changes and predicates are ASCII-only, as for bytes.

Object* latin1_str(Interp& in, const std::string& b) {
  std::u32string u;
  u.reserve(b.size());
  for (unsigned char c : b) u.push_back(c);
  return new_str(in, std::move(u));
}

Object* latin1_bytes(Interp& in, Object* str) {
  std::string out;
  for (char32_t c : str_view(str)) out.push_back(static_cast<char>(c & 0xFF));
  return new_bytes(in, std::move(out));
}

// An argument for the str method: bytes as latin-1 str, a tuple of them
// (startswith), others unchanged; null with TypeError for a str.
Object* bytes_arg(Interp& in, Object* a, bool int_ok = false) {
  if (is_type(a, in.t.bytes)) return latin1_str(in, static_cast<BytesObj*>(a)->s);
  if (is_type(a, in.t.str)) {
    return in.raise(in.t.TypeError, int_ok ? "argument should be integer or bytes-like object, not 'str'"
                                           : "a bytes-like object is required, not 'str'");
  }
  if (is_exact(a, in.t.tuple)) {
    std::vector<Object*> items;
    for (Object* x : static_cast<TupleObj*>(a)->items) {
      Object* c = bytes_arg(in, x);
      if (!c) {
        for (Object* y : items) decref(y);
        return nullptr;
      }
      items.push_back(c);
    }
    return new_tuple(in, std::move(items));
  }
  return incref(a);
}

Object* bytes_result(Interp& in, Object* r) {
  if (!r) return nullptr;
  Object* out = nullptr;
  if (is_exact(r, in.t.str)) {
    out = latin1_bytes(in, r);
  } else if (is_exact(r, in.t.list) || is_exact(r, in.t.tuple)) {
    std::vector<Object*> items;
    const auto& src = is_exact(r, in.t.list) ? static_cast<ListObj*>(r)->items : static_cast<TupleObj*>(r)->items;
    for (Object* x : src) items.push_back(is_exact(x, in.t.str) ? latin1_bytes(in, x) : incref(x));
    out = is_exact(r, in.t.list) ? new_list(in, std::move(items)) : new_tuple(in, std::move(items));
  } else {
    return r;
  }
  decref(r);
  return out;
}

template <MethodFn kStrMethod, bool kIntOk = false>
Object* bytes_via_str(Interp& in, Object* self, const Args& args) {
  size_t n = args.npos + args.nkw();
  std::vector<Object*> converted;
  for (size_t i = 0; i < n; ++i) {
    Object* c = bytes_arg(in, args.items[i], kIntOk && i == 0);
    if (!c) {
      for (Object* x : converted) decref(x);
      return nullptr;
    }
    converted.push_back(c);
  }
  Object* text = latin1_str(in, static_cast<BytesObj*>(self)->s);
  Object* r = kStrMethod(in, text, Args{converted.data(), args.npos, args.kwnames});
  decref(text);
  for (Object* x : converted) decref(x);
  return bytes_result(in, r);
}

Object* bytes_join(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "join", args, 1, 1)) return nullptr;
  Object* items = sequence_to_list(in, args.items[0]);
  if (!items) return nullptr;
  std::string out;
  const std::string& sep = static_cast<BytesObj*>(self)->s;
  const auto& list = static_cast<ListObj*>(items)->items;
  for (size_t i = 0; i < list.size(); ++i) {
    if (!is_type(list[i], in.t.bytes)) {
      std::string t = type_name(list[i]);
      decref(items);
      return in.raise(in.t.TypeError, "sequence item " + std::to_string(i) + ": expected a bytes-like object, " + t + " found");
    }
    if (i) out += sep;
    out += static_cast<BytesObj*>(list[i])->s;
  }
  decref(items);
  return new_bytes(in, std::move(out));
}

template <bool kUpper>
Object* bytes_case(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, kUpper ? "upper" : "lower", args, 0, 0)) return nullptr;
  std::string out = static_cast<BytesObj*>(self)->s;
  for (char& c : out) {
    if (kUpper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (!kUpper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return new_bytes(in, std::move(out));
}

// 0 isdigit, 1 isalpha, 2 isspace, 3 isalnum, 4 isupper, 5 islower (ASCII).
template <int kWhich>
Object* bytes_is(Interp& in, Object* self, const Args& args) {
  if (!no_kwargs(in, "is", args) || !arg_count(in, "is", args, 0, 0)) return nullptr;
  const std::string& b = static_cast<BytesObj*>(self)->s;
  if (b.empty()) return new_bool(in, false);
  bool cased = false;
  for (unsigned char c : b) {
    bool digit = c >= '0' && c <= '9', upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    bool space = c == ' ' || (c >= '\t' && c <= '\r');
    switch (kWhich) {
      case 0: if (!digit) return new_bool(in, false); break;
      case 1: if (!upper && !lower) return new_bool(in, false); break;
      case 2: if (!space) return new_bool(in, false); break;
      case 3: if (!digit && !upper && !lower) return new_bool(in, false); break;
      case 4: if (lower) return new_bool(in, false); cased = cased || upper; break;
      default: if (upper) return new_bool(in, false); cased = cased || lower; break;
    }
  }
  return new_bool(in, kWhich < 4 || cased);
}

Object* bytes_hex(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "hex", args, 0, 0)) return nullptr;
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : static_cast<BytesObj*>(self)->s) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return new_str(in, out);
}

void init_str_types(Interp& in) {
  Type* t = in.t.str;
  t->repr = str_repr;
  t->hash = str_hash;
  t->richcompare = str_compare;
  t->length = str_len;
  t->binop = str_binop;
  t->getitem = str_getitem;
  t->contains = str_contains;
  t->iter = str_iter;
  t->create = str_create;
  add_method(in, t, "split", m_split<false>);
  add_method(in, t, "rsplit", m_split<true>);
  add_method(in, t, "splitlines", m_splitlines);
  add_method(in, t, "join", m_join);
  add_method(in, t, "strip", m_strip<0>);
  add_method(in, t, "lstrip", m_strip<1>);
  add_method(in, t, "rstrip", m_strip<2>);
  add_method(in, t, "replace", m_replace);
  add_method(in, t, "find", m_find<0>);
  add_method(in, t, "rfind", m_find<1>);
  add_method(in, t, "index", m_find<2>);
  add_method(in, t, "rindex", m_find<3>);
  add_method(in, t, "count", m_find<4>);
  add_method(in, t, "startswith", m_startswith<false>);
  add_method(in, t, "endswith", m_startswith<true>);
  add_method(in, t, "upper", m_case<unicode::upper>);
  add_method(in, t, "lower", m_case<unicode::lower>);
  add_method(in, t, "title", m_case<unicode::title>);
  add_method(in, t, "capitalize", m_case<unicode::capitalize>);
  add_method(in, t, "swapcase", m_case<unicode::swapcase>);
  add_method(in, t, "casefold", m_case<unicode::casefold>);
  add_method(in, t, "isspace", m_is<unicode::str_isspace>);
  add_method(in, t, "isdecimal", m_is<unicode::str_isdecimal>);
  add_method(in, t, "isdigit", m_is<unicode::str_isdigit>);
  add_method(in, t, "isnumeric", m_is<unicode::str_isnumeric>);
  add_method(in, t, "isalpha", m_is<unicode::str_isalpha>);
  add_method(in, t, "isalnum", m_is<unicode::str_isalnum>);
  add_method(in, t, "islower", m_is<unicode::str_islower>);
  add_method(in, t, "isupper", m_is<unicode::str_isupper>);
  add_method(in, t, "istitle", m_is<unicode::str_istitle>);
  add_method(in, t, "isprintable", m_is<unicode::str_isprintable>);
  add_method(in, t, "isascii", m_is<str_isascii>);
  add_method(in, t, "isidentifier", m_is<str_isidentifier>);
  add_method(in, t, "center", m_pad<0>);
  add_method(in, t, "ljust", m_pad<1>);
  add_method(in, t, "rjust", m_pad<2>);
  add_method(in, t, "zfill", m_zfill);
  add_method(in, t, "partition", m_partition<false>);
  add_method(in, t, "rpartition", m_partition<true>);
  add_method(in, t, "expandtabs", m_expandtabs);
  add_method(in, t, "encode", m_encode);
  add_method(in, t, "format", m_str_format);
  add_method(in, t, "__format__", m_format_spec);
  add_method(in, t, "maketrans", m_maketrans, true);
  add_method(in, t, "translate", m_translate);
  add_method(in, t, "removeprefix", m_removeprefix);
  add_method(in, t, "removesuffix", m_removesuffix);

  Type* b = in.t.bytes;
  add_method(in, b, "join", bytes_join);
  add_method(in, b, "upper", bytes_case<true>);
  add_method(in, b, "lower", bytes_case<false>);
  add_method(in, b, "isdigit", bytes_is<0>);
  add_method(in, b, "isalpha", bytes_is<1>);
  add_method(in, b, "isspace", bytes_is<2>);
  add_method(in, b, "isalnum", bytes_is<3>);
  add_method(in, b, "isupper", bytes_is<4>);
  add_method(in, b, "islower", bytes_is<5>);
  add_method(in, b, "split", bytes_via_str<m_split<false>>);
  add_method(in, b, "rsplit", bytes_via_str<m_split<true>>);
  add_method(in, b, "splitlines", bytes_via_str<m_splitlines>);
  add_method(in, b, "strip", bytes_via_str<m_strip<0>>);
  add_method(in, b, "lstrip", bytes_via_str<m_strip<1>>);
  add_method(in, b, "rstrip", bytes_via_str<m_strip<2>>);
  add_method(in, b, "replace", bytes_via_str<m_replace>);
  add_method(in, b, "find", bytes_via_str<m_find<0>, true>);
  add_method(in, b, "rfind", bytes_via_str<m_find<1>, true>);
  add_method(in, b, "index", bytes_via_str<m_find<2>, true>);
  add_method(in, b, "rindex", bytes_via_str<m_find<3>, true>);
  add_method(in, b, "count", bytes_via_str<m_find<4>, true>);
  add_method(in, b, "startswith", bytes_via_str<m_startswith<false>>);
  add_method(in, b, "endswith", bytes_via_str<m_startswith<true>>);
  add_method(in, b, "partition", bytes_via_str<m_partition<false>>);
  add_method(in, b, "rpartition", bytes_via_str<m_partition<true>>);
  add_method(in, b, "center", bytes_via_str<m_pad<0>>);
  add_method(in, b, "ljust", bytes_via_str<m_pad<1>>);
  add_method(in, b, "rjust", bytes_via_str<m_pad<2>>);
  add_method(in, b, "zfill", bytes_via_str<m_zfill>);
  add_method(in, b, "removeprefix", bytes_via_str<m_removeprefix>);
  add_method(in, b, "removesuffix", bytes_via_str<m_removesuffix>);
  add_method(in, b, "hex", bytes_hex);
  b->repr = bytes_repr;
  b->hash = bytes_hash;
  b->richcompare = bytes_compare;
  b->length = bytes_len;
  b->getitem = bytes_getitem;
  b->binop = bytes_binop;
  b->contains = bytes_contains;
  b->iter = bytes_iter;
  b->create = bytes_create;
  add_method(in, b, "decode", m_decode);
}

}  // namespace pylife::runtime
