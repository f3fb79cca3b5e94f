// tuple, list, dict, set/frozenset, range, slice and the iterators over
// them (plus enumerate, zip, map, filter, reversed), with CPython 3.11's
// reprs, error messages, hashing (tuple's xxHash-based hash) and set
// table layout (so a set of ints iterates in CPython's order).
#include <algorithm>

#include "object.h"
#include "timsort.h"

namespace pylife::runtime {

bool check_alloc(Interp& in, double n, double size);

namespace {

TupleObj* T(Object* o) { return static_cast<TupleObj*>(o); }
ListObj* L(Object* o) { return static_cast<ListObj*>(o); }
DictObj* D(Object* o) { return static_cast<DictObj*>(o); }
SetObj* St(Object* o) { return static_cast<SetObj*>(o); }

// Repr of a container, with CPython's "[...]" for a container inside itself.
struct ReprGuard {
  static std::vector<Object*>& stack() {
    thread_local std::vector<Object*> s;
    return s;
  }
  bool entered;
  Object* o;
  explicit ReprGuard(Object* obj) : o(obj) {
    auto& s = stack();
    entered = std::find(s.begin(), s.end(), obj) == s.end();
    if (entered) s.push_back(obj);
  }
  ~ReprGuard() {
    if (entered) stack().pop_back();
  }
};

Object* seq_repr(Interp& in, Object* o, const std::vector<Object*>& items, const char* open,
                 const char* close, bool tuple) {
  ReprGuard g(o);
  if (!g.entered) return new_str(in, std::string(open) + "..." + close);
  std::string s = open;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) s += ", ";
    auto r = repr_utf8(in, items[i]);
    if (!r) return nullptr;
    s += *r;
  }
  if (tuple && items.size() == 1) s += ",";
  s += close;
  return new_str(in, s);
}

// Lexicographic comparison of two sequences.
Object* seq_compare(Interp& in, const std::vector<Object*>& a, const std::vector<Object*>& b, int op) {
  size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  for (; i < n; ++i) {
    Object *x = incref(a[i]), *y = incref(b[i]);
    int eq = equal(in, x, y);
    if (eq < 0 || eq == 0) {
      Object* r = nullptr;
      if (eq == 0) {
        if (op == kEq) {
          r = new_bool(in, false);
        } else if (op == kNe) {
          r = new_bool(in, true);
        } else {
          r = compare(in, x, y, op);
        }
      }
      decref(x);
      decref(y);
      return r;
    }
    decref(x);
    decref(y);
  }
  size_t la = a.size(), lb = b.size();
  bool r = false;
  switch (op) {
    case kLt: r = la < lb; break;
    case kLe: r = la <= lb; break;
    case kEq: r = la == lb; break;
    case kNe: r = la != lb; break;
    case kGt: r = la > lb; break;
    default: r = la >= lb; break;
  }
  return new_bool(in, r);
}

bool normalize_index(Interp& in, Object* key, size_t size, int64_t* out, const char* what) {
  int64_t i;
  if (!is_type(key, in.t.int_) && !type_lookup(in, key->type, "__index__")) {
    in.raise(in.t.TypeError, std::string(what) + " indices must be integers or slices, not " + type_name(key));
    return false;
  }
  if (!index_value(in, key, &i)) {
    if (in.matches(in.t.IndexError)) {
      in.clear_error();
      in.raise(in.t.IndexError, "cannot fit 'int' into an index-sized integer");
    }
    return false;
  }
  if (i < 0) i += static_cast<int64_t>(size);
  if (i < 0 || i >= static_cast<int64_t>(size)) {
    in.raise(in.t.IndexError, std::string(what) + " index out of range");
    return false;
  }
  *out = i;
  return true;
}

Object* slice_of(Interp& in, Object* o, const std::vector<Object*>& items, Object* key, bool tuple) {
  int64_t start, stop, step, n;
  if (!slice_indices(in, key, static_cast<int64_t>(items.size()), &start, &stop, &step, &n)) return nullptr;
  std::vector<Object*> out;
  out.reserve(static_cast<size_t>(n));
  for (int64_t i = 0, j = start; i < n; ++i, j += step) out.push_back(incref(items[static_cast<size_t>(j)]));
  if (tuple) {
    if (n == static_cast<int64_t>(items.size()) && step == 1 && is_exact(o, in.t.tuple)) {
      for (Object* x : out) decref(x);
      return incref(o);
    }
    return new_tuple(in, std::move(out));
  }
  return new_list(in, std::move(out));
}

Object* new_seq_iter(Interp& in, Object* o, int kind_type);

// ---- tuple ------------------------------------------------------------------------

Object* tuple_repr(Interp& in, Object* o) { return seq_repr(in, o, T(o)->items, "(", ")", true); }

bool tuple_hash(Interp& in, Object* o, int64_t* out) {
  // CPython 3.11's xxHash-derived tuplehash.
  const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
  uint64_t acc = P5;
  for (Object* x : T(o)->items) {
    int64_t h;
    if (!hash(in, x, &h)) return false;
    acc += static_cast<uint64_t>(h) * P2;
    acc = (acc << 31) | (acc >> 33);
    acc *= P1;
  }
  acc += T(o)->items.size() ^ (P5 ^ 3527539UL);
  if (acc == static_cast<uint64_t>(-1)) acc = 1546275796;
  *out = static_cast<int64_t>(acc);
  return true;
}

Object* tuple_compare(Interp& in, Object* a, Object* b, int op) {
  if (!is_type(a, in.t.tuple) || !is_type(b, in.t.tuple)) return incref(in.NotImplemented);
  return seq_compare(in, T(a)->items, T(b)->items, op);
}

int64_t tuple_len(Interp&, Object* o) { return static_cast<int64_t>(T(o)->items.size()); }

Object* tuple_getitem(Interp& in, Object* o, Object* key) {
  if (is_type(key, in.t.slice)) return slice_of(in, o, T(o)->items, key, true);
  int64_t i;
  if (!normalize_index(in, key, T(o)->items.size(), &i, "tuple")) return nullptr;
  return incref(T(o)->items[static_cast<size_t>(i)]);
}

Object* repeat(Interp& in, const std::vector<Object*>& items, Object* n, bool tuple) {
  if (!is_type(n, in.t.int_)) return incref(in.NotImplemented);
  auto* i = static_cast<IntObj*>(n);
  int64_t count = i->big ? (i->value.negative() ? 0 : INT64_MAX) : std::max<int64_t>(0, i->small);
  if (count > 0 && !items.empty() && !check_alloc(in, static_cast<double>(items.size()) * static_cast<double>(count), 8)) {
    return nullptr;
  }
  std::vector<Object*> out;
  if (!items.empty()) out.reserve(items.size() * static_cast<size_t>(count));
  for (int64_t k = 0; k < count && !items.empty(); ++k) {
    for (Object* x : items) out.push_back(incref(x));
  }
  return tuple ? new_tuple(in, std::move(out)) : new_list(in, std::move(out));
}

Object* tuple_binop(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  if (base == kAdd && is_type(a, in.t.tuple) && is_type(b, in.t.tuple)) {
    std::vector<Object*> out;
    for (Object* x : T(a)->items) out.push_back(incref(x));
    for (Object* x : T(b)->items) out.push_back(incref(x));
    return new_tuple(in, std::move(out));
  }
  if (base == kMul) {
    if (is_type(a, in.t.tuple)) return repeat(in, T(a)->items, b, true);
    if (is_type(b, in.t.tuple)) return repeat(in, T(b)->items, a, true);
  }
  return incref(in.NotImplemented);
}

int seq_contains(Interp& in, const std::vector<Object*>& items, Object* x) {
  for (size_t i = 0; i < items.size(); ++i) {
    Object* y = incref(items[i]);
    int eq = equal(in, y, x);
    decref(y);
    if (eq != 0) return eq;
  }
  return 0;
}

int tuple_contains(Interp& in, Object* o, Object* x) { return seq_contains(in, T(o)->items, x); }

Object* tuple_iter(Interp& in, Object* o) { return new_seq_iter(in, o, 1); }

Object* tuple_create(Interp& in, Type* type, const Args& args) {
  if (!no_kwargs(in, "tuple", args)) return nullptr;
  if (args.npos > 1) return in.raise(in.t.TypeError, "tuple expected at most 1 argument, got " + std::to_string(args.npos));
  std::vector<Object*> items;
  if (args.npos == 1) {
    if (is_exact(args.items[0], in.t.tuple) && type == in.t.tuple) return incref(args.items[0]);
    Object* list = sequence_to_list(in, args.items[0]);
    if (!list) return nullptr;
    items = std::move(L(list)->items);
    L(list)->items.clear();
    decref(list);
  }
  if (type == in.t.tuple) return new_tuple(in, std::move(items));
  auto* t = in.alloc<TupleObj>(type);
  t->items = std::move(items);
  return t;
}

Object* seq_index(Interp& in, const std::vector<Object*>& items, const Args& args, const char* what) {
  if (!arg_count(in, "index", args, 1, 3)) return nullptr;
  int64_t start = 0, stop = static_cast<int64_t>(items.size());
  int64_t n = stop;
  if (args.npos > 1 && !index_value(in, args.items[1], &start)) return nullptr;
  if (args.npos > 2 && !index_value(in, args.items[2], &stop)) return nullptr;
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (stop < 0) stop = std::max<int64_t>(0, stop + n);
  for (int64_t i = start; i < std::min(stop, static_cast<int64_t>(items.size())); ++i) {
    Object* y = incref(items[static_cast<size_t>(i)]);
    int eq = equal(in, y, args.items[0]);
    decref(y);
    if (eq < 0) return nullptr;
    if (eq) return new_int(in, i);
  }
  if (std::string(what) == "list") {
    auto r = repr_utf8(in, args.items[0]);
    if (!r) return nullptr;
    return in.raise(in.t.ValueError, *r + " is not in list");
  }
  return in.raise(in.t.ValueError, "tuple.index(x): x not in tuple");
}

Object* seq_count(Interp& in, const std::vector<Object*>& items, const Args& args) {
  if (!arg_count(in, "count", args, 1, 1)) return nullptr;
  int64_t c = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    Object* y = incref(items[i]);
    int eq = equal(in, y, args.items[0]);
    decref(y);
    if (eq < 0) return nullptr;
    c += eq;
  }
  return new_int(in, c);
}

Object* tuple_index(Interp& in, Object* self, const Args& args) { return seq_index(in, T(self)->items, args, "tuple"); }
Object* tuple_count(Interp& in, Object* self, const Args& args) { return seq_count(in, T(self)->items, args); }

// ---- list ----------------------------------------------------------------------------

Object* list_repr(Interp& in, Object* o) { return seq_repr(in, o, L(o)->items, "[", "]", false); }

Object* list_compare(Interp& in, Object* a, Object* b, int op) {
  if (!is_type(a, in.t.list) || !is_type(b, in.t.list)) return incref(in.NotImplemented);
  if ((op == kEq || op == kNe) && L(a)->items.size() != L(b)->items.size()) return new_bool(in, op == kNe);
  std::vector<Object*> x = L(a)->items, y = L(b)->items;
  for (Object* o : x) incref(o);
  for (Object* o : y) incref(o);
  Object* r = seq_compare(in, x, y, op);
  for (Object* o : x) decref(o);
  for (Object* o : y) decref(o);
  return r;
}

int64_t list_len(Interp&, Object* o) { return static_cast<int64_t>(L(o)->items.size()); }

Object* list_getitem(Interp& in, Object* o, Object* key) {
  if (is_type(key, in.t.slice)) return slice_of(in, o, L(o)->items, key, false);
  int64_t i;
  if (!normalize_index(in, key, L(o)->items.size(), &i, "list")) return nullptr;
  return incref(L(o)->items[static_cast<size_t>(i)]);
}

int list_setitem(Interp& in, Object* o, Object* key, Object* value) {
  auto& items = L(o)->items;
  if (is_type(key, in.t.slice)) {
    int64_t start, stop, step, n;
    if (!slice_indices(in, key, static_cast<int64_t>(items.size()), &start, &stop, &step, &n)) return -1;
    if (!value) {
      if (step < 0) {
        start = start + (n - 1) * step;
        step = -step;
      }
      std::vector<Object*> removed;
      std::vector<Object*> kept;
      for (int64_t i = 0; i < static_cast<int64_t>(items.size()); ++i) {
        bool in_slice = n > 0 && i >= start && (i - start) % step == 0 && (i - start) / step < n;
        (in_slice ? removed : kept).push_back(items[static_cast<size_t>(i)]);
      }
      items = std::move(kept);
      for (Object* x : removed) decref(x);
      return 0;
    }
    Object* seq = sequence_to_list(in, value);
    if (!seq) {
      if (in.matches(in.t.TypeError)) {
        in.clear_error();
        in.raise(in.t.TypeError, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
      }
      return -1;
    }
    std::vector<Object*> newitems = L(seq)->items;
    for (Object* x : newitems) incref(x);
    decref(seq);
    if (step == 1) {
      if (stop < start) stop = start;
      std::vector<Object*> old(items.begin() + start, items.begin() + stop);
      items.erase(items.begin() + start, items.begin() + stop);
      items.insert(items.begin() + start, newitems.begin(), newitems.end());
      for (Object* x : old) decref(x);
      return 0;
    }
    if (static_cast<int64_t>(newitems.size()) != n) {
      for (Object* x : newitems) decref(x);
      in.raise(in.t.ValueError, "attempt to assign sequence of size " + std::to_string(newitems.size()) +
                                    " to extended slice of size " + std::to_string(n));
      return -1;
    }
    for (int64_t i = 0, j = start; i < n; ++i, j += step) {
      Object* old = items[static_cast<size_t>(j)];
      items[static_cast<size_t>(j)] = newitems[static_cast<size_t>(i)];
      decref(old);
    }
    return 0;
  }
  int64_t i;
  if (!normalize_index(in, key, items.size(), &i, "list")) {
    if (in.matches(in.t.IndexError) && value) {
      in.clear_error();
      in.raise(in.t.IndexError, "list assignment index out of range");
    }
    return -1;
  }
  Object* old = items[static_cast<size_t>(i)];
  if (value) {
    items[static_cast<size_t>(i)] = incref(value);
  } else {
    items.erase(items.begin() + i);
  }
  decref(old);
  return 0;
}

Object* list_binop(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  bool inplace = op >= kInplace;
  if (base == kAdd && is_type(a, in.t.list)) {
    if (inplace) {
      Object* seq = sequence_to_list(in, b);
      if (!seq) return nullptr;
      for (Object* x : L(seq)->items) L(a)->items.push_back(incref(x));
      decref(seq);
      return incref(a);
    }
    if (!is_type(b, in.t.list)) return incref(in.NotImplemented);
    std::vector<Object*> out;
    out.reserve(L(a)->items.size() + L(b)->items.size());
    for (Object* x : L(a)->items) out.push_back(incref(x));
    for (Object* x : L(b)->items) out.push_back(incref(x));
    return new_list(in, std::move(out));
  }
  if (base == kMul) {
    if (inplace && is_type(a, in.t.list)) {
      Object* r = repeat(in, L(a)->items, b, false);
      if (!r || r == in.NotImplemented) return r;
      std::swap(L(a)->items, L(r)->items);
      decref(r);
      return incref(a);
    }
    if (is_type(a, in.t.list)) return repeat(in, L(a)->items, b, false);
    if (is_type(b, in.t.list)) return repeat(in, L(b)->items, a, false);
  }
  return incref(in.NotImplemented);
}

int list_contains(Interp& in, Object* o, Object* x) { return seq_contains(in, L(o)->items, x); }
Object* list_iter(Interp& in, Object* o) { return new_seq_iter(in, o, 0); }

Object* list_create(Interp& in, Type* type, const Args& args) {
  if (!no_kwargs(in, "list", args)) return nullptr;
  if (args.npos > 1) return in.raise(in.t.TypeError, "list expected at most 1 argument, got " + std::to_string(args.npos));
  Object* r = args.npos ? sequence_to_list(in, args.items[0]) : new_list(in, {});
  if (!r || type == in.t.list) return r;
  auto* l = in.alloc<ListObj>(type);
  std::swap(l->items, L(r)->items);
  decref(r);
  return l;
}

Object* list_append(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "append", args, 1, 1)) return nullptr;
  L(self)->items.push_back(incref(args.items[0]));
  return incref(in.None);
}

Object* list_extend(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "extend", args, 1, 1)) return nullptr;
  Object* seq = sequence_to_list(in, args.items[0]);
  if (!seq) return nullptr;
  for (Object* x : L(seq)->items) L(self)->items.push_back(incref(x));
  decref(seq);
  return incref(in.None);
}

Object* list_insert(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "insert", args, 2, 2)) return nullptr;
  int64_t i;
  if (!index_value(in, args.items[0], &i)) return nullptr;
  auto& items = L(self)->items;
  auto n = static_cast<int64_t>(items.size());
  if (i < 0) i = std::max<int64_t>(0, i + n);
  i = std::min(i, n);
  items.insert(items.begin() + i, incref(args.items[1]));
  return incref(in.None);
}

Object* list_pop(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "pop", args, 0, 1)) return nullptr;
  auto& items = L(self)->items;
  if (items.empty()) return in.raise(in.t.IndexError, "pop from empty list");
  int64_t i = -1;
  if (args.npos && !index_value(in, args.items[0], &i)) return nullptr;
  if (i < 0) i += static_cast<int64_t>(items.size());
  if (i < 0 || i >= static_cast<int64_t>(items.size())) return in.raise(in.t.IndexError, "pop index out of range");
  Object* r = items[static_cast<size_t>(i)];
  items.erase(items.begin() + i);
  return r;
}

Object* list_remove(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "remove", args, 1, 1)) return nullptr;
  auto& items = L(self)->items;
  for (size_t i = 0; i < items.size(); ++i) {
    Object* y = incref(items[i]);
    int eq = equal(in, y, args.items[0]);
    decref(y);
    if (eq < 0) return nullptr;
    if (eq) {
      Object* old = items[i];
      items.erase(items.begin() + static_cast<int64_t>(i));
      decref(old);
      return incref(in.None);
    }
  }
  return in.raise(in.t.ValueError, "list.remove(x): x not in list");
}

Object* list_index(Interp& in, Object* self, const Args& args) { return seq_index(in, L(self)->items, args, "list"); }
Object* list_count(Interp& in, Object* self, const Args& args) { return seq_count(in, L(self)->items, args); }

Object* list_reverse(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "reverse", args, 0, 0)) return nullptr;
  std::reverse(L(self)->items.begin(), L(self)->items.end());
  return incref(in.None);
}

// list.__init__(self, iterable=()): the list becomes the iterable's items.
Object* list_init(Interp& in, Object* self, const Args& args) {
  if (!no_kwargs(in, "list", args)) return nullptr;
  if (args.npos > 1) return in.raise(in.t.TypeError, "list expected at most 1 argument, got " + std::to_string(args.npos));
  Object* items = args.npos ? sequence_to_list(in, args.items[0]) : new_list(in, {});
  if (!items) return nullptr;
  std::vector<Object*> old;
  std::swap(old, L(self)->items);
  std::swap(L(self)->items, L(items)->items);
  for (Object* x : old) decref(x);
  decref(items);
  return incref(in.None);
}

Object* list_clear(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "clear", args, 0, 0)) return nullptr;
  L(self)->clear(in);
  return incref(in.None);
}

Object* list_copy(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "copy", args, 0, 0)) return nullptr;
  std::vector<Object*> out = L(self)->items;
  for (Object* x : out) incref(x);
  return new_list(in, std::move(out));
}

Object* list_sort_method(Interp& in, Object* self, const Args& args) {
  if (args.npos) return in.raise(in.t.TypeError, "sort() takes no positional arguments");
  Object* a[2];
  if (!parse_args(in, "sort", args, {"key", "reverse"}, 0, a)) return nullptr;
  int rev = a[1] ? truth(in, a[1]) : 0;
  if (rev < 0) return nullptr;
  if (!list_sort(in, L(self), a[0] == in.None ? nullptr : a[0], rev)) return nullptr;
  return incref(in.None);
}

// ---- dict ---------------------------------------------------------------------------------

constexpr int32_t kEmpty = -1, kDummy = -2;

// Finds [key]: entry number or -1; -2 on error.
int64_t dict_find(Interp& in, DictObj* d, Object* key, int64_t h) {
  if (d->index.empty()) return -1;
  size_t mask = d->index.size() - 1;
  auto perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  bool fast_str = is_exact(key, in.t.str);
  while (true) {
    int32_t ix = d->index[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      auto& e = d->entries[static_cast<size_t>(ix)];
      if (e.key == key) return ix;
      if (e.hash == h) {
        if (fast_str && is_exact(e.key, in.t.str)) {
          if (str_view(e.key) == str_view(key)) return ix;
        } else {
          Object* k = incref(e.key);
          uint64_t version = d->version;
          int eq = equal(in, k, key);
          decref(k);
          if (eq < 0) return -2;
          if (version != d->version) {
            in.raise(in.t.RuntimeError, "dictionary changed size during iteration");
            return -2;
          }
          if (eq) return ix;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void dict_rebuild(DictObj* d, size_t min_used) {
  size_t size = 8;
  while (size * 2 < (min_used + 1) * 3) size <<= 1;
  // Room for every entry the new index can take before the next rebuild
  // (no reallocation as a fresh dict fills).
  std::vector<DictObj::Entry> kept;
  kept.reserve(std::max(d->used, size * 2 / 3 + 1));
  for (auto& e : d->entries) {
    if (e.key) kept.push_back(e);
  }
  d->entries = std::move(kept);
  d->index.assign(size, kEmpty);
  size_t mask = size - 1;
  for (size_t k = 0; k < d->entries.size(); ++k) {
    auto h = d->entries[k].hash;
    auto perturb = static_cast<uint64_t>(h);
    size_t i = static_cast<size_t>(h) & mask;
    while (d->index[i] != kEmpty) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    d->index[i] = static_cast<int32_t>(k);
  }
}

void dict_insert_new(DictObj* d, Object* key, Object* value, int64_t h) {
  if (d->index.empty() || (d->entries.size() + 1) * 3 >= d->index.size() * 2) dict_rebuild(d, d->used * 2 + 1);
  size_t mask = d->index.size() - 1;
  auto perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  while (d->index[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  d->index[i] = static_cast<int32_t>(d->entries.size());
  d->entries.push_back({h, incref(key), incref(value)});
  Interp& in = *d->type->interp;
  if (key->type != in.t.str) d->general_keys = true;
  dict_maybe_track(in, d, key, value);
  ++d->used;
  ++d->version;
  ++d->stamp;
}

Object* dict_repr(Interp& in, Object* o) {
  ReprGuard g(o);
  if (!g.entered) return new_str(in, "{...}");
  std::string s = "{";
  bool first = true;
  for (size_t i = 0; i < D(o)->entries.size(); ++i) {
    auto e = D(o)->entries[i];
    if (!e.key) continue;
    if (!first) s += ", ";
    first = false;
    Object *k = incref(e.key), *v = incref(e.value);
    auto kr = repr_utf8(in, k);
    auto vr = kr ? repr_utf8(in, v) : std::nullopt;
    decref(k);
    decref(v);
    if (!vr) return nullptr;
    s += *kr + ": " + *vr;
  }
  return new_str(in, s + "}");
}

int64_t dict_len(Interp&, Object* o) { return static_cast<int64_t>(D(o)->used); }

Object* dict_getitem(Interp& in, Object* o, Object* key) {
  Object* v = dict_get(in, D(o), key);
  if (v) return incref(v);
  if (in.error()) return nullptr;
  if (o->type != in.t.dict) {
    if (Object* missing = type_lookup(in, o->type, "__missing__")) return call2(in, missing, o, key);
  }
  return in.raise_obj(new_exception(in, in.t.KeyError, new_tuple(in, {incref(key)})));
}

int dict_setitem(Interp& in, Object* o, Object* key, Object* value) {
  if (value) return dict_set(in, D(o), key, value);
  int r = dict_del(in, D(o), key);
  if (r == 1) {
    in.raise_obj(new_exception(in, in.t.KeyError, new_tuple(in, {incref(key)})));
    return -1;
  }
  return r;
}

int dict_contains(Interp& in, Object* o, Object* key) {
  Object* v = dict_get(in, D(o), key);
  if (v) return 1;
  return in.error() ? -1 : 0;
}

Object* dict_iter(Interp& in, Object* o);

Object* dict_compare(Interp& in, Object* a, Object* b, int op) {
  if (!is_type(a, in.t.dict) || !is_type(b, in.t.dict) || (op != kEq && op != kNe)) return incref(in.NotImplemented);
  bool eq = D(a)->used == D(b)->used;
  for (size_t i = 0; eq && i < D(a)->entries.size(); ++i) {
    auto e = D(a)->entries[i];
    if (!e.key) continue;
    Object *k = incref(e.key), *v = incref(e.value);
    Object* other = dict_get(in, D(b), k);
    int r = 0;
    if (other) {
      incref(other);
      r = equal(in, v, other);
      decref(other);
    } else if (in.error()) {
      r = -1;
    }
    decref(k);
    decref(v);
    if (r < 0) return nullptr;
    eq = r == 1;
  }
  return new_bool(in, (op == kEq) == eq);
}

bool dict_merge(Interp& in, DictObj* d, Object* other) {
  if (is_type(other, in.t.dict)) {
    auto entries = D(other)->entries;
    for (auto& e : entries) {
      if (e.key && dict_set(in, d, e.key, e.value) < 0) return false;
    }
    return true;
  }
  if (Object* keys = lookup_attr(in, other, iname(in, "keys"))) {
    Object* ks = call0(in, keys);
    decref(keys);
    if (!ks) return false;
    Object* list = sequence_to_list(in, ks);
    decref(ks);
    if (!list) return false;
    for (Object* k : L(list)->items) {
      Object* v = getitem(in, other, k);
      if (!v || dict_set(in, d, k, v) < 0) {
        xdecref(v);
        decref(list);
        return false;
      }
      decref(v);
    }
    decref(list);
    return true;
  }
  if (in.error()) return false;
  Object* it = get_iter(in, other);
  if (!it) {
    if (in.matches(in.t.TypeError)) {
      in.clear_error();
      in.raise(in.t.TypeError, "'" + type_name(other) + "' object is not iterable");
    }
    return false;
  }
  int64_t n = 0;
  while (Object* item = iter_next(in, it)) {
    Object* pair = sequence_to_list(in, item);
    decref(item);
    if (!pair) {
      in.clear_error();
      decref(it);
      in.raise(in.t.TypeError, "cannot convert dictionary update sequence element #" + std::to_string(n) + " to a sequence");
      return false;
    }
    if (L(pair)->items.size() != 2) {
      size_t len = L(pair)->items.size();
      decref(pair);
      decref(it);
      in.raise(in.t.ValueError, "dictionary update sequence element #" + std::to_string(n) + " has length " +
                                    std::to_string(len) + "; 2 is required");
      return false;
    }
    int r = dict_set(in, d, L(pair)->items[0], L(pair)->items[1]);
    decref(pair);
    if (r < 0) {
      decref(it);
      return false;
    }
    ++n;
  }
  decref(it);
  return !in.error();
}

Object* dict_create(Interp& in, Type* type, const Args& args) {
  if (args.npos > 1) return in.raise(in.t.TypeError, "dict expected at most 1 argument, got " + std::to_string(args.npos));
  DictObj* d = type == in.t.dict ? new_dict(in) : in.alloc<DictObj>(type);
  if (args.npos && !dict_merge(in, d, args.items[0])) {
    decref(d);
    return nullptr;
  }
  for (size_t k = 0; k < args.nkw(); ++k) dict_set(in, d, args.kwname(k), args.kwvalue(k));
  return d;
}

Object* dict_view(Interp& in, Object* self, int which) {
  auto* v = in.alloc<DictViewObj>(which == 0 ? in.t.dict_keys : which == 1 ? in.t.dict_values : in.t.dict_items);
  v->dict = D(incref(self));
  v->which = which;
  return v;
}

Object* dict_keys(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "keys", args, 0, 0)) return nullptr;
  return dict_view(in, self, 0);
}
Object* dict_values(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "values", args, 0, 0)) return nullptr;
  return dict_view(in, self, 1);
}
Object* dict_items(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "items", args, 0, 0)) return nullptr;
  return dict_view(in, self, 2);
}

Object* dict_get_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "get", args, 1, 2)) return nullptr;
  Object* v = dict_get(in, D(self), args.items[0]);
  if (v) return incref(v);
  if (in.error()) return nullptr;
  return incref(args.npos > 1 ? args.items[1] : in.None);
}

Object* dict_pop(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "pop", args, 1, 2)) return nullptr;
  Object* v = dict_get(in, D(self), args.items[0]);
  if (!v) {
    if (in.error()) return nullptr;
    if (args.npos > 1) return incref(args.items[1]);
    return in.raise_obj(new_exception(in, in.t.KeyError, new_tuple(in, {incref(args.items[0])})));
  }
  incref(v);
  dict_del(in, D(self), args.items[0]);
  return v;
}

Object* dict_popitem(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "popitem", args, 0, 0)) return nullptr;
  auto& entries = D(self)->entries;
  for (size_t i = entries.size(); i-- > 0;) {
    if (!entries[i].key) continue;
    Object* k = incref(entries[i].key);
    Object* v = incref(entries[i].value);
    dict_del(in, D(self), k);
    return new_tuple(in, {k, v});
  }
  return in.raise_obj(new_exception(in, in.t.KeyError, new_tuple(in, {new_str(in, "popitem(): dictionary is empty")})));
}

Object* dict_setdefault(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "setdefault", args, 1, 2)) return nullptr;
  Object* v = dict_get(in, D(self), args.items[0]);
  if (v) return incref(v);
  if (in.error()) return nullptr;
  Object* def = args.npos > 1 ? args.items[1] : in.None;
  if (dict_set(in, D(self), args.items[0], def) < 0) return nullptr;
  return incref(def);
}

Object* dict_update(Interp& in, Object* self, const Args& args) {
  if (args.npos > 1) return in.raise(in.t.TypeError, "update expected at most 1 argument, got " + std::to_string(args.npos));
  if (args.npos && !dict_merge(in, D(self), args.items[0])) return nullptr;
  for (size_t k = 0; k < args.nkw(); ++k) dict_set(in, D(self), args.kwname(k), args.kwvalue(k));
  return incref(in.None);
}

Object* dict_clear(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "clear", args, 0, 0)) return nullptr;
  D(self)->clear(in);
  return incref(in.None);
}

Object* dict_copy(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "copy", args, 0, 0)) return nullptr;
  DictObj* d = new_dict(in);
  for (auto& e : D(self)->entries) {
    if (e.key) dict_insert_new(d, e.key, e.value, e.hash);
  }
  return d;
}

Object* dict_fromkeys(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "fromkeys", args, 1, 2)) return nullptr;
  Object* list = sequence_to_list(in, args.items[0]);
  if (!list) return nullptr;
  DictObj* d = new_dict(in);
  for (Object* k : L(list)->items) {
    if (dict_set(in, d, k, args.npos > 1 ? args.items[1] : in.None) < 0) {
      decref(list);
      decref(d);
      return nullptr;
    }
  }
  decref(list);
  return d;
}

Object* dict_binop(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  if (base != kOr || !is_type(a, in.t.dict) || !is_type(b, in.t.dict)) return incref(in.NotImplemented);
  if (op >= kInplace) {
    if (!dict_merge(in, D(a), b)) return nullptr;
    return incref(a);
  }
  Object* c = dict_copy(in, a, Args{});
  if (!dict_merge(in, D(c), b)) {
    decref(c);
    return nullptr;
  }
  return c;
}

// ---- dict views ----------------------------------------------------------------------------

Object* view_iter(Interp& in, Object* o) {
  auto* v = static_cast<DictViewObj*>(o);
  auto* it = in.alloc<IterObj>(in.t.iter);
  it->kind = v->which == 0 ? IterObj::kDictKeys : v->which == 1 ? IterObj::kDictValues : IterObj::kDictItems;
  it->seq = incref(v->dict);
  it->version = v->dict->version;
  it->size = v->dict->used;
  return it;
}

int64_t view_len(Interp&, Object* o) { return static_cast<int64_t>(static_cast<DictViewObj*>(o)->dict->used); }

Object* view_repr(Interp& in, Object* o) {
  auto* v = static_cast<DictViewObj*>(o);
  Object* list = sequence_to_list(in, o);
  if (!list) return nullptr;
  auto r = repr_utf8(in, list);
  decref(list);
  if (!r) return nullptr;
  const char* names[] = {"dict_keys", "dict_values", "dict_items"};
  return new_str(in, std::string(names[v->which]) + "(" + *r + ")");
}

int view_contains(Interp& in, Object* o, Object* x) {
  auto* v = static_cast<DictViewObj*>(o);
  if (v->which == 0) return dict_contains(in, v->dict, x);
  if (v->which == 2) {
    if (!is_type(x, in.t.tuple) || T(x)->items.size() != 2) return 0;
    Object* val = dict_get(in, v->dict, T(x)->items[0]);
    if (!val) return in.error() ? -1 : 0;
    return equal(in, val, T(x)->items[1]);
  }
  Object* list = sequence_to_list(in, o);
  if (!list) return -1;
  int r = seq_contains(in, L(list)->items, x);
  decref(list);
  return r;
}

// ---- set ------------------------------------------------------------------------------------

constexpr size_t kLinearProbes = 9;

void set_insert_clean(std::vector<SetObj::Slot>& table, Object* key, int64_t h) {
  size_t mask = table.size() - 1;
  auto perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  while (true) {
    if (!table[i].key) {
      table[i] = {h, key, false};
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (size_t j = 1; j <= kLinearProbes; ++j) {
        if (!table[i + j].key) {
          table[i + j] = {h, key, false};
          return;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void set_resize(SetObj* s, size_t minused) {
  size_t size = 8;
  while (size <= minused) size <<= 1;
  std::vector<SetObj::Slot> old(size);
  std::swap(old, s->table);
  for (auto& slot : old) {
    if (slot.key && !slot.dummy) set_insert_clean(s->table, slot.key, slot.hash);
  }
  s->fill = s->used;
}

// 1 found, 0 absent (slot for insertion in [insert_at]), -1 error.
int set_lookup(Interp& in, SetObj* s, Object* key, int64_t h, size_t* at, size_t* free_slot) {
  size_t mask = s->table.size() - 1;
  auto perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  *free_slot = SIZE_MAX;
  while (true) {
    size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      auto& slot = s->table[i + j];
      if (!slot.key) {
        *at = i + j;
        return 0;
      }
      if (slot.dummy) {
        if (*free_slot == SIZE_MAX) *free_slot = i + j;
        continue;
      }
      if (slot.key == key) {
        *at = i + j;
        return 1;
      }
      if (slot.hash == h) {
        Object* k = incref(slot.key);
        int eq = equal(in, k, key);
        decref(k);
        if (eq < 0) return -1;
        if (eq) {
          *at = i + j;
          return 1;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

Object* set_repr(Interp& in, Object* o) {
  SetObj* s = St(o);
  bool frozen = o->type == in.t.frozenset;
  std::string tn = o->type->name;
  if (s->used == 0) return new_str(in, tn + "()");
  ReprGuard g(o);
  if (!g.entered) return new_str(in, tn + "(...)");
  std::string r = "{";
  bool first = true;
  for (auto& slot : s->table) {
    if (!slot.key || slot.dummy) continue;
    if (!first) r += ", ";
    first = false;
    auto x = repr_utf8(in, slot.key);
    if (!x) return nullptr;
    r += *x;
  }
  r += "}";
  if (frozen || o->type != in.t.set) r = tn + "(" + r + ")";
  return new_str(in, r);
}

int64_t set_len(Interp&, Object* o) { return static_cast<int64_t>(St(o)->used); }

int set_contains_slot(Interp& in, Object* o, Object* key) { return set_contains(in, St(o), key); }

Object* set_iter(Interp& in, Object* o) {
  auto* it = in.alloc<IterObj>(in.t.iter);
  it->kind = IterObj::kSet;
  it->seq = incref(o);
  it->size = St(o)->used;
  return it;
}

bool set_update_from(Interp& in, SetObj* s, Object* other) {
  if (is_type(other, in.t.set) || is_type(other, in.t.frozenset)) {
    SetObj* o = St(other);
    if ((s->fill + o->used) * 5 >= (s->table.size() - 1) * 3) set_resize(s, (s->used + o->used) * 2);
    if (s->fill == 0 && s->table.size() == o->table.size() && o->fill == o->used) {
      for (size_t i = 0; i < o->table.size(); ++i) {
        auto& slot = o->table[i];
        if (slot.key && !slot.dummy) {
          s->table[i] = {slot.hash, incref(slot.key), false};
          ++s->fill;
          ++s->used;
        }
      }
      return true;
    }
    auto table = o->table;
    if (s->fill == 0) {
      // An empty table takes the items without lookups (set_insert_clean).
      for (auto& slot : table) {
        if (!slot.key || slot.dummy) continue;
        set_insert_clean(s->table, incref(slot.key), slot.hash);
        ++s->fill;
        ++s->used;
      }
      return true;
    }
    for (auto& slot : table) {
      if (slot.key && !slot.dummy && set_add(in, s, slot.key) < 0) return false;
    }
    return true;
  }
  if (is_type(other, in.t.dict)) {
    auto entries = D(other)->entries;
    for (auto& e : entries) {
      if (e.key && set_add(in, s, e.key) < 0) return false;
    }
    return true;
  }
  Object* it = get_iter(in, other);
  if (!it) return false;
  while (Object* x = iter_next(in, it)) {
    int r = set_add(in, s, x);
    decref(x);
    if (r < 0) {
      decref(it);
      return false;
    }
  }
  decref(it);
  return !in.error();
}

SetObj* set_copy_of(Interp& in, Object* o, Type* type) {
  SetObj* s = type == in.t.set || type == in.t.frozenset ? new_set(in, type == in.t.frozenset) : in.alloc<SetObj>(type);
  if (!set_update_from(in, s, o)) {
    decref(s);
    return nullptr;
  }
  return s;
}

Object* set_create(Interp& in, Type* type, const Args& args) {
  const char* name = type == in.t.frozenset ? "frozenset" : "set";
  if (!no_kwargs(in, name, args)) return nullptr;
  if (args.npos > 1) return in.raise(in.t.TypeError, std::string(name) + " expected at most 1 argument, got " + std::to_string(args.npos));
  if (args.npos == 0) return type == in.t.set || type == in.t.frozenset ? new_set(in, type == in.t.frozenset) : in.alloc<SetObj>(type);
  if (type == in.t.frozenset && is_exact(args.items[0], in.t.frozenset)) return incref(args.items[0]);
  return set_copy_of(in, args.items[0], type);
}

bool set_hash(Interp&, Object* o, int64_t* out) {
  SetObj* s = St(o);
  if (s->hash_cache != -1) {
    *out = s->hash_cache;
    return true;
  }
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
  uint64_t hash = 0;
  for (auto& slot : s->table) {
    if (slot.key && !slot.dummy) hash ^= shuffle(static_cast<uint64_t>(slot.hash));
  }
  if ((s->table.size() - s->used) & 1) {
  }
  hash ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
  s->hash_cache = static_cast<int64_t>(hash);
  *out = s->hash_cache;
  return true;
}

bool is_anyset(Interp& in, Object* o) { return is_type(o, in.t.set) || is_type(o, in.t.frozenset); }

bool subset(Interp& in, SetObj* a, SetObj* b, int* out) {
  if (a->used > b->used) {
    *out = 0;
    return true;
  }
  for (auto& slot : a->table) {
    if (!slot.key || slot.dummy) continue;
    int r = set_contains(in, b, slot.key);
    if (r < 0) return false;
    if (!r) {
      *out = 0;
      return true;
    }
  }
  *out = 1;
  return true;
}

Object* set_compare(Interp& in, Object* a, Object* b, int op) {
  if (!is_anyset(in, a) || !is_anyset(in, b)) return incref(in.NotImplemented);
  SetObj *x = St(a), *y = St(b);
  int r = 0;
  switch (op) {
    case kEq:
    case kNe:
      if (x->used != y->used) {
        r = 0;
      } else if (!subset(in, x, y, &r)) {
        return nullptr;
      }
      return new_bool(in, (op == kEq) == (r == 1));
    case kLe:
      if (!subset(in, x, y, &r)) return nullptr;
      return new_bool(in, r);
    case kGe:
      if (!subset(in, y, x, &r)) return nullptr;
      return new_bool(in, r);
    case kLt:
      if (x->used >= y->used) return new_bool(in, false);
      if (!subset(in, x, y, &r)) return nullptr;
      return new_bool(in, r);
    default:
      if (x->used <= y->used) return new_bool(in, false);
      if (!subset(in, y, x, &r)) return nullptr;
      return new_bool(in, r);
  }
}

Object* set_intersection_of(Interp& in, Object* a, Object* b) {
  SetObj* r = new_set(in, a->type == in.t.frozenset);
  Object* small = a;
  Object* large = b;
  if (is_anyset(in, b) && St(b)->used < St(a)->used) std::swap(small, large);
  if (!is_anyset(in, b)) {
    // Iterate the argument, keep what self contains.
    Object* it = get_iter(in, b);
    if (!it) {
      decref(r);
      return nullptr;
    }
    while (Object* x = iter_next(in, it)) {
      int c = set_contains(in, St(a), x);
      if (c > 0) c = set_add(in, r, x);
      decref(x);
      if (c < 0) {
        decref(it);
        decref(r);
        return nullptr;
      }
    }
    decref(it);
    return r;
  }
  auto table = St(small)->table;
  for (auto& slot : table) {
    if (!slot.key || slot.dummy) continue;
    int c = set_contains(in, St(large), slot.key);
    if (c > 0) c = set_add(in, r, slot.key);
    if (c < 0) {
      decref(r);
      return nullptr;
    }
  }
  return r;
}

Object* set_difference_of(Interp& in, Object* a, Object* b) {
  SetObj* r = new_set(in, a->type == in.t.frozenset);
  Ref other;
  if (is_anyset(in, b)) {
    other = Ref::borrow(b);
  } else {
    other = Ref(set_copy_of(in, b, in.t.set));
    if (!other) {
      decref(r);
      return nullptr;
    }
  }
  auto table = St(a)->table;
  for (auto& slot : table) {
    if (!slot.key || slot.dummy) continue;
    int c = set_contains(in, St(other.get()), slot.key);
    if (c == 0) c = set_add(in, r, slot.key);
    if (c < 0) {
      decref(r);
      return nullptr;
    }
  }
  return r;
}

Object* set_symdiff_of(Interp& in, Object* a, Object* b) {
  // As set_symmetric_difference: a copy of the other set, updated with
  // this one's items.
  SetObj* r = set_copy_of(in, b, a->type == in.t.frozenset ? in.t.frozenset : in.t.set);
  if (!r) return nullptr;
  auto table = St(a)->table;
  for (auto& slot : table) {
    if (!slot.key || slot.dummy) continue;
    int c = set_discard(in, r, slot.key);
    if (c == 0) c = set_add(in, r, slot.key);
    if (c < 0) {
      decref(r);
      return nullptr;
    }
  }
  return r;
}

Object* set_binop(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  if (!is_anyset(in, a) || !is_anyset(in, b)) return incref(in.NotImplemented);
  Object* r = nullptr;
  switch (base) {
    case kOr:
      r = set_copy_of(in, a, a->type == in.t.frozenset ? in.t.frozenset : in.t.set);
      if (r && !set_update_from(in, St(r), b)) {
        decref(r);
        return nullptr;
      }
      break;
    case kAnd: r = set_intersection_of(in, a, b); break;
    case kSub: r = set_difference_of(in, a, b); break;
    case kXor: r = set_symdiff_of(in, a, b); break;
    default: return incref(in.NotImplemented);
  }
  if (r && op >= kInplace && a->type == in.t.set) {
    std::swap(St(a)->table, St(r)->table);
    std::swap(St(a)->used, St(r)->used);
    std::swap(St(a)->fill, St(r)->fill);
    decref(r);
    return incref(a);
  }
  return r;
}

Object* set_add_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "add", args, 1, 1)) return nullptr;
  if (set_add(in, St(self), args.items[0]) < 0) return nullptr;
  return incref(in.None);
}

Object* set_remove(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "remove", args, 1, 1)) return nullptr;
  int r = set_discard(in, St(self), args.items[0]);
  if (r < 0) return nullptr;
  if (r == 0) return in.raise_obj(new_exception(in, in.t.KeyError, new_tuple(in, {incref(args.items[0])})));
  return incref(in.None);
}

Object* set_discard_method(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "discard", args, 1, 1)) return nullptr;
  if (set_discard(in, St(self), args.items[0]) < 0) return nullptr;
  return incref(in.None);
}

Object* set_pop(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "pop", args, 0, 0)) return nullptr;
  SetObj* s = St(self);
  if (s->used == 0) return in.raise_obj(new_exception(in, in.t.KeyError, new_tuple(in, {new_str(in, "pop from an empty set")})));
  for (auto& slot : s->table) {
    if (slot.key && !slot.dummy) {
      Object* k = slot.key;
      slot.dummy = true;
      slot.hash = -1;
      --s->used;
      return k;
    }
  }
  return nullptr;
}

Object* set_clear(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "clear", args, 0, 0)) return nullptr;
  St(self)->clear(in);
  return incref(in.None);
}

Object* set_copy(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "copy", args, 0, 0)) return nullptr;
  if (self->type == in.t.frozenset) return incref(self);
  return set_copy_of(in, self, in.t.set);
}

// union/intersection/difference/symmetric_difference and their _update
// forms, as set_union / set_intersection_multi / set_difference_multi /
// set_symmetric_difference (the table layouts, so iteration order, match).
template <int kOp, bool kUpdate>
Object* set_multi(Interp& in, Object* self, const Args& args) {
  static const char* const names[] = {"union", "intersection", "difference", "symmetric_difference"};
  if (!no_kwargs(in, names[kOp], args)) return nullptr;
  Type* result_type = self->type == in.t.frozenset ? in.t.frozenset : in.t.set;
  if (kOp == 3 && args.npos != 1) {
    return in.raise(in.t.TypeError, std::string(names[kOp]) + (kUpdate ? "_update" : "") +
                                        "() takes exactly one argument (" + std::to_string(args.npos) + " given)");
  }
  if (kUpdate) {
    SetObj* so = St(self);
    for (size_t i = 0; i < args.npos; ++i) {
      Object* other = args.items[i];
      if (kOp == 0) {
        if (!set_update_from(in, so, other)) return nullptr;
      } else if (kOp == 2) {
        Ref items(sequence_to_list(in, other));
        if (!items) return nullptr;
        for (Object* x : L(items.get())->items) {
          if (set_discard(in, so, x) < 0) return nullptr;
        }
      } else if (kOp == 3) {
        Ref o = is_anyset(in, other) ? Ref::borrow(other) : Ref(set_copy_of(in, other, in.t.set));
        if (!o) return nullptr;
        auto table = St(o.get())->table;
        for (auto& slot : table) {
          if (!slot.key || slot.dummy) continue;
          int c = set_discard(in, so, slot.key);
          if (c == 0) c = set_add(in, so, slot.key);
          if (c < 0) return nullptr;
        }
      } else {
        Object* r = set_intersection_of(in, self, other);
        if (!r) return nullptr;
        std::swap(so->table, St(r)->table);
        std::swap(so->used, St(r)->used);
        std::swap(so->fill, St(r)->fill);
        decref(r);
      }
    }
    return incref(in.None);
  }
  if (kOp == 3) return set_symdiff_of(in, self, args.items[0]);
  if (kOp == 0 || args.npos == 0) {
    Object* acc = set_copy_of(in, self, result_type);
    for (size_t i = 0; acc && i < args.npos; ++i) {
      if (!set_update_from(in, St(acc), args.items[i])) {
        decref(acc);
        return nullptr;
      }
    }
    return acc;
  }
  Object* acc = kOp == 1 ? set_intersection_of(in, self, args.items[0]) : set_difference_of(in, self, args.items[0]);
  for (size_t i = 1; acc && i < args.npos; ++i) {
    Object* r = kOp == 1 ? set_intersection_of(in, acc, args.items[i]) : set_difference_of(in, acc, args.items[i]);
    decref(acc);
    acc = r;
  }
  return acc;
}

template <int kWhich>
Object* set_relation(Interp& in, Object* self, const Args& args) {
  static const char* const names[] = {"issubset", "issuperset", "isdisjoint"};
  if (!arg_count(in, names[kWhich], args, 1, 1)) return nullptr;
  Ref other;
  if (is_anyset(in, args.items[0])) {
    other = Ref::borrow(args.items[0]);
  } else {
    other = Ref(set_copy_of(in, args.items[0], in.t.set));
    if (!other) return nullptr;
  }
  int r;
  if (kWhich == 0) {
    if (!subset(in, St(self), St(other.get()), &r)) return nullptr;
  } else if (kWhich == 1) {
    if (!subset(in, St(other.get()), St(self), &r)) return nullptr;
  } else {
    Object* i = set_intersection_of(in, self, other.get());
    if (!i) return nullptr;
    r = St(i)->used == 0;
    decref(i);
  }
  return new_bool(in, r);
}

// ---- range ---------------------------------------------------------------------------------

RangeObj* R(Object* o) { return static_cast<RangeObj*>(o); }

BigInt range_len_big(RangeObj* r) {
  BigInt start = int_value(r->start), stop = int_value(r->stop), step = int_value(r->step);
  if (step.negative()) {
    if (!(stop < start)) return BigInt(0);
    BigInt q, m;
    BigInt::divmod(start - stop - BigInt(1), -step, q, m);
    return q + BigInt(1);
  }
  if (!(start < stop)) return BigInt(0);
  BigInt q, m;
  BigInt::divmod(stop - start - BigInt(1), step, q, m);
  return q + BigInt(1);
}

Object* range_create(Interp& in, Type*, const Args& args) {
  if (!no_kwargs(in, "range", args)) return nullptr;
  if (args.npos == 0) return in.raise(in.t.TypeError, "range expected at least 1 argument, got 0");
  if (args.npos > 3) return in.raise(in.t.TypeError, "range expected at most 3 arguments, got " + std::to_string(args.npos));
  Object* v[3];
  for (size_t i = 0; i < args.npos; ++i) {
    Object* a = args.items[i];
    if (!is_type(a, in.t.int_)) {
      if (Object* m = type_lookup(in, a->type, "__index__")) {
        v[i] = call1(in, m, a);
        if (!v[i]) return nullptr;
        continue;
      }
      for (size_t k = 0; k < i; ++k) decref(v[k]);
      return in.raise(in.t.TypeError, "'" + type_name(a) + "' object cannot be interpreted as an integer");
    }
    v[i] = new_int(in, int_value(a));
  }
  auto* r = in.alloc<RangeObj>(in.t.range);
  if (args.npos == 1) {
    r->start = new_int(in, 0);
    r->stop = v[0];
    r->step = new_int(in, 1);
  } else {
    r->start = v[0];
    r->stop = v[1];
    r->step = args.npos == 3 ? v[2] : new_int(in, 1);
  }
  if (int_value(r->step).is_zero()) {
    decref(r);
    return in.raise(in.t.ValueError, "range() arg 3 must not be zero");
  }
  return r;
}

Object* range_repr(Interp& in, Object* o) {
  RangeObj* r = R(o);
  std::string s = "range(" + int_value(r->start).to_string() + ", " + int_value(r->stop).to_string();
  BigInt step = int_value(r->step);
  if (!(step == BigInt(1))) s += ", " + step.to_string();
  return new_str(in, s + ")");
}

int64_t range_len(Interp& in, Object* o) {
  BigInt n = range_len_big(R(o));
  if (!n.fits_int64()) {
    in.raise(in.t.OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return n.to_int64();
}

Object* range_item(Interp& in, RangeObj* r, const BigInt& i) {
  return new_int(in, int_value(r->start) + i * int_value(r->step));
}

Object* range_getitem(Interp& in, Object* o, Object* key) {
  RangeObj* r = R(o);
  BigInt n = range_len_big(r);
  if (is_type(key, in.t.slice)) {
    int64_t start, stop, step, len;
    if (!n.fits_int64()) return in.raise(in.t.OverflowError, "range too large");
    if (!slice_indices(in, key, n.to_int64(), &start, &stop, &step, &len)) return nullptr;
    auto* nr = in.alloc<RangeObj>(in.t.range);
    BigInt rs = int_value(r->start), rstep = int_value(r->step);
    nr->start = new_int(in, rs + BigInt(start) * rstep);
    nr->stop = new_int(in, rs + BigInt(stop) * rstep);
    nr->step = new_int(in, rstep * BigInt(step));
    return nr;
  }
  if (!is_type(key, in.t.int_) && !type_lookup(in, key->type, "__index__")) {
    return in.raise(in.t.TypeError, "range indices must be integers or slices, not " + type_name(key));
  }
  BigInt bi;
  if (is_type(key, in.t.int_)) {
    bi = int_value(key);
  } else {
    int64_t i;
    if (!index_value(in, key, &i)) return nullptr;
    bi = BigInt(i);
  }
  if (bi.negative()) bi = bi + n;
  if (bi.negative() || !(bi < n)) return in.raise(in.t.IndexError, "range object index out of range");
  return range_item(in, r, bi);
}

int range_contains(Interp& in, Object* o, Object* x) {
  RangeObj* r = R(o);
  if (!is_exact(x, in.t.int_) && !is_exact(x, in.t.bool_)) {
    Object* it = get_iter(in, o);
    if (!it) return -1;
    while (Object* y = iter_next(in, it)) {
      int eq = equal(in, y, x);
      decref(y);
      if (eq != 0) {
        decref(it);
        return eq;
      }
    }
    decref(it);
    return in.error() ? -1 : 0;
  }
  BigInt v = int_value(x), start = int_value(r->start), stop = int_value(r->stop), step = int_value(r->step);
  if (step.negative()) {
    if (!(v.compare(start) <= 0 && stop < v)) return 0;
  } else if (!(start.compare(v) <= 0 && v < stop)) {
    return 0;
  }
  BigInt q, m;
  BigInt::divmod(v - start, step, q, m);
  return m.is_zero();
}

Object* range_iter(Interp& in, Object* o) {
  RangeObj* r = R(o);
  auto* it = in.alloc<IterObj>(in.t.iter);
  auto *a = static_cast<IntObj*>(r->start), *b = static_cast<IntObj*>(r->stop), *c = static_cast<IntObj*>(r->step);
  if (!a->big && !b->big && !c->big && std::abs(a->small) < (int64_t{1} << 62) && std::abs(b->small) < (int64_t{1} << 62) &&
      std::abs(c->small) < (int64_t{1} << 62)) {
    it->kind = IterObj::kRange;
    it->pos = a->small;
    it->stop = b->small;
    it->step = c->small;
  } else {
    it->kind = IterObj::kBigRange;
    it->seq = incref(o);
    it->extra = new_int(in, 0);
  }
  return it;
}

Object* range_compare(Interp& in, Object* a, Object* b, int op) {
  if (!is_type(a, in.t.range) || !is_type(b, in.t.range) || (op != kEq && op != kNe)) return incref(in.NotImplemented);
  RangeObj *x = R(a), *y = R(b);
  BigInt nx = range_len_big(x), ny = range_len_big(y);
  bool eq = nx == ny;
  if (eq && !nx.is_zero()) {
    eq = int_value(x->start) == int_value(y->start);
    if (eq && !(nx == BigInt(1))) eq = int_value(x->step) == int_value(y->step);
  }
  return new_bool(in, (op == kEq) == eq);
}

Object* range_getattr(Interp& in, Object* o, StrObj* name) {
  RangeObj* r = R(o);
  if (name->s == U"start") return incref(r->start);
  if (name->s == U"stop") return incref(r->stop);
  if (name->s == U"step") return incref(r->step);
  Object* v = generic_lookup(in, o, name);
  if (v || in.error()) return v;
  return in.raise(in.t.AttributeError, "'range' object has no attribute '" + utf8(name) + "'");
}

Object* range_index(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "index", args, 1, 1)) return nullptr;
  int c = range_contains(in, self, args.items[0]);
  if (c < 0) return nullptr;
  if (!c) {
    auto r = repr_utf8(in, args.items[0]);
    return in.raise(in.t.ValueError, (r ? *r : "?") + " is not in range");
  }
  BigInt q, m;
  BigInt::divmod(int_value(args.items[0]) - int_value(R(self)->start), int_value(R(self)->step), q, m);
  return new_int(in, q);
}

Object* range_count(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "count", args, 1, 1)) return nullptr;
  int c = range_contains(in, self, args.items[0]);
  if (c < 0) return nullptr;
  return new_int(in, c);
}

// ---- slice ---------------------------------------------------------------------------------

Object* slice_repr(Interp& in, Object* o) {
  auto* s = static_cast<SliceObj*>(o);
  std::string r = "slice(";
  Object* parts[] = {s->start, s->stop, s->step};
  for (int i = 0; i < 3; ++i) {
    auto t = repr_utf8(in, parts[i]);
    if (!t) return nullptr;
    r += *t + (i == 2 ? ")" : ", ");
  }
  return new_str(in, r);
}

Object* slice_create(Interp& in, Type*, const Args& args) {
  if (!arg_count(in, "slice", args, 1, 3)) return nullptr;
  if (args.npos == 1) return new_slice(in, in.None, args.items[0], in.None);
  return new_slice(in, args.items[0], args.items[1], args.npos == 3 ? args.items[2] : in.None);
}

Object* slice_getattr(Interp& in, Object* o, StrObj* name) {
  auto* s = static_cast<SliceObj*>(o);
  if (name->s == U"start") return incref(s->start);
  if (name->s == U"stop") return incref(s->stop);
  if (name->s == U"step") return incref(s->step);
  return in.raise(in.t.AttributeError, "'slice' object has no attribute '" + utf8(name) + "'");
}

Object* slice_compare(Interp& in, Object* a, Object* b, int op) {
  if (!is_type(a, in.t.slice) || !is_type(b, in.t.slice)) return incref(in.NotImplemented);
  auto *x = static_cast<SliceObj*>(a), *y = static_cast<SliceObj*>(b);
  return seq_compare(in, {x->start, x->stop, x->step}, {y->start, y->stop, y->step}, op);
}

// ---- iterators --------------------------------------------------------------------------------

Object* new_seq_iter(Interp& in, Object* o, int) {
  auto* it = in.alloc<IterObj>(in.t.iter);
  it->kind = IterObj::kSeq;
  it->seq = incref(o);
  return it;
}

Object* iter_self(Interp&, Object* o) { return incref(o); }

Object* iter_next_slot(Interp& in, Object* o) {
  auto* it = static_cast<IterObj*>(o);
  switch (it->kind) {
    case IterObj::kSeq: {
      if (!it->seq) return nullptr;
      Object* s = it->seq;
      if (is_type(s, in.t.list) || is_type(s, in.t.tuple)) {
        const auto& items = is_type(s, in.t.list) ? L(s)->items : T(s)->items;
        if (static_cast<size_t>(it->pos) < items.size()) return incref(items[static_cast<size_t>(it->pos++)]);
      } else if (is_exact(s, in.t.str)) {
        const auto& str = str_view(s);
        if (static_cast<size_t>(it->pos) < str.size()) return new_str(in, std::u32string(1, str[static_cast<size_t>(it->pos++)]));
      } else {
        Object* idx = new_int(in, it->pos++);
        Object* r = getitem(in, s, idx);
        decref(idx);
        if (r) return r;
        if (in.matches(in.t.IndexError) || in.matches(in.t.StopIteration)) in.clear_error();
        if (in.error()) return nullptr;
      }
      Object* dead = it->seq;
      it->seq = nullptr;
      decref(dead);
      return nullptr;
    }
    case IterObj::kRange: {
      if (it->step > 0 ? it->pos < it->stop : it->pos > it->stop) {
        int64_t v = it->pos;
        it->pos += it->step;
        return new_int(in, v);
      }
      return nullptr;
    }
    case IterObj::kBigRange: {
      RangeObj* r = R(it->seq);
      BigInt i = int_value(it->extra);
      if (!(i < range_len_big(r))) return nullptr;
      Object* next = new_int(in, i + BigInt(1));
      decref(it->extra);
      it->extra = next;
      return range_item(in, r, i);
    }
    case IterObj::kDictKeys:
    case IterObj::kDictValues:
    case IterObj::kDictItems: {
      if (!it->seq) return nullptr;
      DictObj* d = D(it->seq);
      if (d->used != it->size) {
        it->size = SIZE_MAX;
        return in.raise(in.t.RuntimeError, "dictionary changed size during iteration");
      }
      while (static_cast<size_t>(it->pos) < d->entries.size()) {
        auto& e = d->entries[static_cast<size_t>(it->pos++)];
        if (!e.key) continue;
        if (it->kind == IterObj::kDictKeys) return incref(e.key);
        if (it->kind == IterObj::kDictValues) return incref(e.value);
        return new_tuple(in, {incref(e.key), incref(e.value)});
      }
      return nullptr;
    }
    case IterObj::kSet: {
      SetObj* s = St(it->seq);
      if (s->used != it->size) {
        it->size = SIZE_MAX;
        return in.raise(in.t.RuntimeError, "Set changed size during iteration");
      }
      while (static_cast<size_t>(it->pos) < s->table.size()) {
        auto& slot = s->table[static_cast<size_t>(it->pos++)];
        if (slot.key && !slot.dummy) return incref(slot.key);
      }
      return nullptr;
    }
    case IterObj::kEnumerate: {
      Object* x = iter_next(in, it->seq);
      if (!x) return nullptr;
      Object* idx = it->extra;
      BigInt next = int_value(idx) + BigInt(1);
      it->extra = new_int(in, next);
      return new_tuple(in, {idx, x});
    }
    case IterObj::kZip: {
      auto& its = T(it->extra)->items;
      if (its.empty()) return nullptr;
      std::vector<Object*> out;
      for (size_t k = 0; k < its.size(); ++k) {
        Object* x = iter_next(in, its[k]);
        if (!x) {
          for (Object* y : out) decref(y);
          if (!in.error() && it->step == 1) {  // strict
            if (k > 0) {
              return in.raise(in.t.ValueError, "zip() argument " + std::to_string(k + 1) + " is shorter than argument" +
                                                   (k == 1 ? " 1" : "s 1-" + std::to_string(k)));
            }
            for (size_t j = 1; j < its.size(); ++j) {
              Object* y = iter_next(in, its[j]);
              if (y) {
                decref(y);
                return in.raise(in.t.ValueError, "zip() argument " + std::to_string(j + 1) + " is longer than argument" +
                                                     (j == 1 ? " 1" : "s 1-" + std::to_string(j)));
              }
              if (in.error()) return nullptr;
            }
          }
          return nullptr;
        }
        out.push_back(x);
      }
      return new_tuple(in, std::move(out));
    }
    case IterObj::kMap: {
      auto& its = T(it->extra)->items;
      std::vector<Object*> out;
      for (Object* sub : its) {
        Object* x = iter_next(in, sub);
        if (!x) {
          for (Object* y : out) decref(y);
          return nullptr;
        }
        out.push_back(x);
      }
      Object* r = call(in, it->seq, Args{out.data(), out.size(), nullptr});
      for (Object* y : out) decref(y);
      return r;
    }
    case IterObj::kFilter: {
      while (Object* x = iter_next(in, it->extra)) {
        int keep;
        if (it->seq == in.None) {
          keep = truth(in, x);
        } else {
          Object* r = call1(in, it->seq, x);
          if (!r) {
            decref(x);
            return nullptr;
          }
          keep = truth(in, r);
          decref(r);
        }
        if (keep > 0) return x;
        decref(x);
        if (keep < 0) return nullptr;
      }
      return nullptr;
    }
    case IterObj::kReversed: {
      if (it->pos < 0 || !it->seq) return nullptr;
      Object* idx = new_int(in, it->pos--);
      Object* r = getitem(in, it->seq, idx);
      decref(idx);
      if (!r && in.matches(in.t.IndexError)) {
        in.clear_error();
        it->pos = -1;
      }
      return r;
    }
    case IterObj::kCallable: {
      if (!it->seq) return nullptr;
      Object* r = call0(in, it->seq);
      if (!r) {
        if (in.matches(in.t.StopIteration)) in.clear_error();
        return nullptr;
      }
      int eq = equal(in, r, it->extra);
      if (eq != 0) {
        decref(r);
        Object* dead = it->seq;
        it->seq = nullptr;
        decref(dead);
        return nullptr;
      }
      return r;
    }
  }
  return nullptr;
}

Object* iter_repr(Interp& in, Object* o) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(o));
  return new_str(in, "<" + o->type->name + buf);
}

}  // namespace

bool set_update(Interp& in, SetObj* s, Object* iterable) { return set_update_from(in, s, iterable); }

Object* new_dict_items_iter(Interp& in, Object* d) { return view_iter(in, dict_view(in, d, 2)); }

// ---- exported helpers ------------------------------------------------------------------

bool slice_indices(Interp& in, Object* slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelength) {
  auto* s = static_cast<SliceObj*>(slice);
  auto get = [&](Object* v, int64_t* out) {
    if (v == in.None) return true;
    if (!is_type(v, in.t.int_) && !type_lookup(in, v->type, "__index__")) {
      in.raise(in.t.TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    if (is_type(v, in.t.int_) && static_cast<IntObj*>(v)->big) {
      *out = static_cast<IntObj*>(v)->value.negative() ? INT64_MIN / 2 : INT64_MAX / 2;
      return true;
    }
    return index_value(in, v, out);
  };
  *step = 1;
  if (!get(s->step, step)) return false;
  if (*step == 0) {
    in.raise(in.t.ValueError, "slice step cannot be zero");
    return false;
  }
  int64_t lower = *step < 0 ? -1 : 0, upper = *step < 0 ? length - 1 : length;
  *start = *step < 0 ? upper : lower;
  *stop = *step < 0 ? lower : upper;
  if (s->start != in.None) {
    if (!get(s->start, start)) return false;
    if (*start < 0) {
      *start += length;
      if (*start < lower) *start = lower;
    } else if (*start > upper) {
      *start = upper;
    }
  }
  if (s->stop != in.None) {
    if (!get(s->stop, stop)) return false;
    if (*stop < 0) {
      *stop += length;
      if (*stop < lower) *stop = lower;
    } else if (*stop > upper) {
      *stop = upper;
    }
  }
  if (*step < 0) {
    *slicelength = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
  } else {
    *slicelength = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
  }
  return true;
}

Object* dict_get(Interp& in, DictObj* d, Object* key) {
  int64_t h;
  if (!hash(in, key, &h)) return nullptr;
  int64_t ix = dict_find(in, d, key, h);
  if (ix < 0) return nullptr;
  return d->entries[static_cast<size_t>(ix)].value;
}

Object* dict_get_str(DictObj* d, Object* key) {
  auto* s = static_cast<StrObj*>(key);
  int64_t h = str_hash_value(s);
  if (d->index.empty()) return nullptr;
  size_t mask = d->index.size() - 1;
  auto perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  while (true) {
    int32_t ix = d->index[i];
    if (ix == kEmpty) return nullptr;
    if (ix >= 0) {
      auto& e = d->entries[static_cast<size_t>(ix)];
      if (e.key == key || (e.hash == h && as_str(e.key) && static_cast<StrObj*>(e.key)->s == s->s)) {
        return e.value;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

int dict_set(Interp& in, DictObj* d, Object* key, Object* value) {
  int64_t h;
  if (!hash(in, key, &h)) return -1;
  int64_t ix = dict_find(in, d, key, h);
  if (ix == -2) return -1;
  if (ix >= 0) {
    auto& e = d->entries[static_cast<size_t>(ix)];
    Object* old = e.value;
    e.value = incref(value);
    ++d->stamp;
    dict_maybe_track(in, d, key, value);
    decref(old);
    return 0;
  }
  dict_insert_new(d, key, value, h);
  return 0;
}

int dict_del(Interp& in, DictObj* d, Object* key) {
  int64_t h;
  if (!hash(in, key, &h)) return -1;
  int64_t ix = dict_find(in, d, key, h);
  if (ix == -2) return -1;
  if (ix < 0) return 1;
  // The index slot holding [ix]: on [h]'s probe sequence.
  size_t mask = d->index.size() - 1;
  auto perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  while (d->index[i] != ix) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  d->index[i] = kDummy;
  auto& e = d->entries[static_cast<size_t>(ix)];
  Object *k = e.key, *v = e.value;
  e.key = nullptr;
  e.value = nullptr;
  --d->used;
  ++d->version;
  ++d->stamp;
  if (d->used == 0) {
    d->entries.clear();
    d->index.assign(d->index.size(), kEmpty);
  }
  decref(k);
  decref(v);
  return 0;
}

void dict_set_str(Interp& in, DictObj* d, std::string_view key, Object* value) {
  Object* k = intern(in, key);
  dict_set(in, d, k, value);
  decref(k);
  decref(value);
}

int set_add(Interp& in, SetObj* s, Object* key) {
  int64_t h;
  if (!hash(in, key, &h)) return -1;
  size_t at, free_slot;
  int r = set_lookup(in, s, key, h, &at, &free_slot);
  if (r != 0) return r < 0 ? -1 : 0;
  if (free_slot != SIZE_MAX) {
    s->table[free_slot] = {h, incref(key), false};
    ++s->used;
    return 0;
  }
  s->table[at] = {h, incref(key), false};
  ++s->fill;
  ++s->used;
  if (s->fill * 5 >= (s->table.size() - 1) * 3) set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
  return 0;
}

int set_contains(Interp& in, SetObj* s, Object* key) {
  int64_t h;
  if (!hash(in, key, &h)) {
    // A set as key looks up its frozenset twin.
    if (is_type(key, in.t.set) && in.matches(in.t.TypeError)) {
      in.clear_error();
      SetObj* f = set_copy_of(in, key, in.t.frozenset);
      if (!f) return -1;
      int r = set_contains(in, s, f);
      decref(f);
      return r;
    }
    return -1;
  }
  size_t at, free_slot;
  return set_lookup(in, s, key, h, &at, &free_slot);
}

int set_discard(Interp& in, SetObj* s, Object* key) {
  int64_t h;
  if (!hash(in, key, &h)) return -1;
  size_t at, free_slot;
  int r = set_lookup(in, s, key, h, &at, &free_slot);
  if (r <= 0) return r;
  Object* k = s->table[at].key;
  s->table[at].dummy = true;
  s->table[at].hash = -1;
  --s->used;
  decref(k);
  return 1;
}

Object* format(Interp& in, Object* value, Object* spec) {
  if (is_exact(value, in.t.str) && str_view(spec).empty()) return incref(value);
  Object* m = type_lookup(in, value->type, "__format__");
  if (!m) {
    if (!str_view(spec).empty()) {
      return in.raise(in.t.TypeError, "unsupported format string passed to " + type_name(value) + ".__format__");
    }
    return str(in, value);
  }
  Object* items[] = {value, spec};
  Object* r;
  if (m->type == in.t.builtin) {
    auto* b = static_cast<BuiltinObj*>(m);
    r = b->fn(in, value, Args{items + 1, 1, nullptr});
  } else {
    r = call(in, m, Args{items, 2, nullptr});
  }
  if (r && !is_type(r, in.t.str)) {
    std::string n = type_name(r);
    decref(r);
    return in.raise(in.t.TypeError, "__format__ must return a str, not " + n);
  }
  return r;
}

bool list_sort(Interp& in, ListObj* list, Object* key, bool reverse) {
  std::vector<Object*> items;
  std::swap(items, list->items);  // empty while sorting, as CPython
  std::vector<Object*> keys;
  bool ok = true;
  if (key) {
    for (Object* x : items) {
      Object* k = call1(in, key, x);
      if (!k) {
        ok = false;
        break;
      }
      keys.push_back(k);
    }
  } else {
    keys = items;
    for (Object* k : keys) incref(k);
  }
  if (ok) {
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (reverse) std::reverse(order.begin(), order.end());
    // As CPython's list.sort: when every key has the same simple type, compare
    // directly instead of through rich comparison.
    auto all_are = [&](auto pred) {
      for (Object* k : keys) {
        if (!pred(k)) return false;
      }
      return true;
    };
    size_t* a = order.data();
    if (all_are([&](Object* k) { return is_exact(k, in.t.int_) && !static_cast<IntObj*>(k)->big; })) {
      timsort(a, order.size(), [&](size_t x, size_t y) {
        return static_cast<int>(static_cast<IntObj*>(keys[x])->small < static_cast<IntObj*>(keys[y])->small);
      });
    } else if (all_are([&](Object* k) { return is_exact(k, in.t.float_); })) {
      timsort(a, order.size(), [&](size_t x, size_t y) {
        return static_cast<int>(static_cast<FloatObj*>(keys[x])->value < static_cast<FloatObj*>(keys[y])->value);
      });
    } else if (all_are([&](Object* k) { return is_exact(k, in.t.str); })) {
      timsort(a, order.size(), [&](size_t x, size_t y) { return static_cast<int>(str_view(keys[x]) < str_view(keys[y])); });
    } else {
      ok = timsort(a, order.size(), [&](size_t x, size_t y) { return compare_bool(in, keys[x], keys[y], kLt); });
    }
    // Sorted or not (a comparison raised), the list holds the order reached.
    if (reverse) std::reverse(order.begin(), order.end());
    std::vector<Object*> sorted;
    sorted.reserve(items.size());
    for (size_t i : order) sorted.push_back(items[i]);
    items = std::move(sorted);
  }
  for (Object* k : keys) decref(k);
  bool modified = !list->items.empty();
  std::vector<Object*> extra;
  std::swap(extra, list->items);
  list->items = std::move(items);
  for (Object* x : extra) decref(x);
  if (ok && modified) {
    in.raise(in.t.ValueError, "list modified during sort");
    return false;
  }
  return ok;
}

Object* new_iter_of(Interp& in, int kind, Object* seq, Object* extra) {
  auto* it = in.alloc<IterObj>(in.t.iter);
  it->kind = static_cast<IterObj::Kind>(kind);
  it->seq = seq;
  it->extra = extra;
  return it;
}

// set.__init__(self, iterable=()): the set becomes the iterable's items.
Object* set_init(Interp& in, Object* self, const Args& args) {
  if (!no_kwargs(in, "set", args)) return nullptr;
  if (args.npos > 1) return in.raise(in.t.TypeError, "set expected at most 1 argument, got " + std::to_string(args.npos));
  Object* cleared = set_clear(in, self, Args{});
  if (!cleared) return nullptr;
  decref(cleared);
  if (args.npos == 0) return incref(in.None);
  return set_multi<0, true>(in, self, args);
}

void init_container_types(Interp& in) {
  Type* t = in.t.tuple;
  t->repr = tuple_repr;
  t->hash = tuple_hash;
  t->richcompare = tuple_compare;
  t->length = tuple_len;
  t->getitem = tuple_getitem;
  t->binop = tuple_binop;
  t->contains = tuple_contains;
  t->iter = tuple_iter;
  t->create = tuple_create;
  add_method(in, t, "index", tuple_index);
  add_method(in, t, "count", tuple_count);

  Type* l = in.t.list;
  l->repr = list_repr;
  l->richcompare = list_compare;
  l->length = list_len;
  l->getitem = list_getitem;
  l->setitem = list_setitem;
  l->binop = list_binop;
  l->contains = list_contains;
  l->iter = list_iter;
  l->create = list_create;
  add_method(in, l, "append", list_append);
  add_method(in, l, "extend", list_extend);
  add_method(in, l, "insert", list_insert);
  add_method(in, l, "pop", list_pop);
  add_method(in, l, "remove", list_remove);
  add_method(in, l, "index", list_index);
  add_method(in, l, "count", list_count);
  add_method(in, l, "reverse", list_reverse);
  add_method(in, l, "sort", list_sort_method);
  add_method(in, l, "clear", list_clear);
  add_method(in, l, "__init__", list_init);
  add_method(in, l, "copy", list_copy);

  Type* d = in.t.dict;
  d->repr = dict_repr;
  d->richcompare = dict_compare;
  d->length = dict_len;
  d->getitem = dict_getitem;
  d->setitem = dict_setitem;
  d->contains = dict_contains;
  d->iter = dict_iter;
  d->create = dict_create;
  d->binop = dict_binop;
  add_method(in, d, "keys", dict_keys);
  add_method(in, d, "values", dict_values);
  add_method(in, d, "items", dict_items);
  add_method(in, d, "get", dict_get_method);
  add_method(in, d, "pop", dict_pop);
  add_method(in, d, "popitem", dict_popitem);
  add_method(in, d, "setdefault", dict_setdefault);
  add_method(in, d, "update", dict_update);
  add_method(in, d, "__init__", dict_update);  // dict.__init__(self, *args, **kwargs): fills it as update does
  add_method(in, d, "clear", dict_clear);
  add_method(in, d, "copy", dict_copy);
  add_method(in, d, "fromkeys", dict_fromkeys, true);

  for (Type* v : {in.t.dict_keys, in.t.dict_values, in.t.dict_items}) {
    v->iter = view_iter;
    v->length = view_len;
    v->repr = view_repr;
    v->contains = view_contains;
  }

  for (Type* s : {in.t.set, in.t.frozenset}) {
    s->repr = set_repr;
    s->length = set_len;
    s->contains = set_contains_slot;
    s->iter = set_iter;
    s->create = set_create;
    s->richcompare = set_compare;
    s->binop = set_binop;
    add_method(in, s, "copy", set_copy);
    add_method(in, s, "union", set_multi<0, false>);
    add_method(in, s, "intersection", set_multi<1, false>);
    add_method(in, s, "difference", set_multi<2, false>);
    add_method(in, s, "symmetric_difference", set_multi<3, false>);
    add_method(in, s, "issubset", set_relation<0>);
    add_method(in, s, "issuperset", set_relation<1>);
    add_method(in, s, "isdisjoint", set_relation<2>);
  }
  in.t.frozenset->hash = set_hash;
  Type* s = in.t.set;
  add_method(in, s, "add", set_add_method);
  add_method(in, s, "__init__", set_init);
  add_method(in, s, "remove", set_remove);
  add_method(in, s, "discard", set_discard_method);
  add_method(in, s, "pop", set_pop);
  add_method(in, s, "clear", set_clear);
  add_method(in, s, "update", set_multi<0, true>);
  add_method(in, s, "intersection_update", set_multi<1, true>);
  add_method(in, s, "difference_update", set_multi<2, true>);
  add_method(in, s, "symmetric_difference_update", set_multi<3, true>);

  Type* r = in.t.range;
  r->repr = range_repr;
  r->length = range_len;
  r->getitem = range_getitem;
  r->contains = range_contains;
  r->iter = range_iter;
  r->create = range_create;
  r->richcompare = range_compare;
  r->getattr = range_getattr;
  r->basetype = false;
  add_method(in, r, "index", range_index);
  add_method(in, r, "count", range_count);

  Type* sl = in.t.slice;
  sl->repr = slice_repr;
  sl->create = slice_create;
  sl->getattr = slice_getattr;
  sl->richcompare = slice_compare;

  Type* it = in.t.iter;
  it->iter = iter_self;
  it->next = iter_next_slot;
  it->repr = iter_repr;
}

Object* dict_iter_impl(Interp& in, Object* o) {
  auto* it = in.alloc<IterObj>(in.t.iter);
  it->kind = IterObj::kDictKeys;
  it->seq = incref(o);
  it->size = D(o)->used;
  return it;
}

namespace {
Object* dict_iter(Interp& in, Object* o) { return dict_iter_impl(in, o); }
}  // namespace

}  // namespace pylife::runtime
