// The builtins module (the functions that need no running frame), the sys,
// math and time modules, and the interpreter's set-up and tear-down.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "object.h"
#include "alloc.h"
#include "pylife/numbers.h"
#include "pylife/unicode.h"

namespace pylife::runtime {

Object* new_iter_of(Interp& in, int kind, Object* seq, Object* extra);
void init_object_slots(Interp& in);
bool check_alloc(Interp& in, double n, double size);

namespace {

// ---- output ------------------------------------------------------------------------

struct StreamObj : Object {
  int fd = 1;
};

Object* stream_write(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "write", args, 1, 1)) return nullptr;
  if (!is_type(args.items[0], in.t.str)) {
    return in.raise(in.t.TypeError, "write() argument must be str, not " + type_name(args.items[0]));
  }
  std::string s = utf8(args.items[0]);
  if (static_cast<StreamObj*>(self)->fd == 1) {
    in.write_stdout(s);
  } else {
    in.write_stderr(s);
  }
  return new_int(in, static_cast<int64_t>(str_view(args.items[0]).size()));
}

Object* stream_flush(Interp& in, Object* self, const Args&) {
  if (static_cast<StreamObj*>(self)->fd == 1) in.flush_stdout();
  return incref(in.None);
}

Object* stream_repr(Interp& in, Object* o) {
  int fd = static_cast<StreamObj*>(o)->fd;
  return new_str(in, std::string("<_io.TextIOWrapper name='<") + (fd == 1 ? "stdout" : fd == 2 ? "stderr" : "stdin") +
                         ">' mode='" + (fd == 0 ? "r" : "w") + "' encoding='utf-8'>");
}

bool write_to(Interp& in, Object* file, std::string_view text) {
  if (!file || file == in.None) {
    in.write_stdout(text);
    return true;
  }
  Object* w = getattr(in, file, "write");
  if (!w) return false;
  Object* s = new_str(in, text);
  Object* r = call1(in, w, s);
  decref(s);
  decref(w);
  if (!r) return false;
  decref(r);
  return true;
}

Object* b_print(Interp& in, Object*, const Args& args) {
  Object *sep = nullptr, *end = nullptr, *file = nullptr, *flush = nullptr;
  for (size_t k = 0; k < args.nkw(); ++k) {
    std::string n = utf8(args.kwname(k));
    Object* v = args.kwvalue(k);
    if (n == "sep") sep = v;
    else if (n == "end") end = v;
    else if (n == "file") file = v;
    else if (n == "flush") flush = v;
    else return in.raise(in.t.TypeError, "'" + n + "' is an invalid keyword argument for print()");
  }
  auto text_of = [&](Object* v, const char* dflt, const char* what, std::string* out) {
    if (!v || v == in.None) {
      *out = dflt;
      return true;
    }
    if (!is_type(v, in.t.str)) {
      in.raise(in.t.TypeError, std::string(what) + " must be None or a string, not " + type_name(v));
      return false;
    }
    *out = utf8(v);
    return true;
  };
  std::string s, e;
  if (!text_of(sep, " ", "sep", &s) || !text_of(end, "\n", "end", &e)) return nullptr;
  Object* target = file == in.None ? nullptr : file;
  if (!target) {
    Object* so = dict_get_str(in.sys->dict, iname(in, "stdout"));
    if (so && so->type->name != "_io.TextIOWrapper") target = so;
  }
  std::string out;
  for (size_t i = 0; i < args.npos; ++i) {
    if (i) out += s;
    auto t = str_utf8(in, args.items[i]);
    if (!t) return nullptr;
    out += *t;
  }
  out += e;
  if (!write_to(in, target, out)) return nullptr;
  if (flush && truth(in, flush) == 1) in.flush_stdout();
  return incref(in.None);
}

Object* b_input(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "input", args, 0, 1)) return nullptr;
  if (args.npos) {
    auto p = str_utf8(in, args.items[0]);
    if (!p) return nullptr;
    in.write_stdout(*p);
  }
  in.flush_stdout();
  std::optional<std::string> line = in.host.read_line ? in.host.read_line() : std::nullopt;
  if (!line) return in.raise(in.t.EOFError, "EOF when reading a line");
  if (in.host.echo_input) {
    in.write_stdout(*line + "\n");
    in.flush_stdout();
  }
  return new_str(in, *line);
}

// ---- simple functions ------------------------------------------------------------------

Object* b_len(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "len", args, 1, 1)) return nullptr;
  int64_t n = length(in, args.items[0]);
  if (n < 0) return nullptr;
  return new_int(in, n);
}

Object* b_repr(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "repr", args, 1, 1)) return nullptr;
  return repr(in, args.items[0]);
}

Object* b_ascii(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "ascii", args, 1, 1)) return nullptr;
  return ascii(in, args.items[0]);
}

Object* b_abs(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "abs", args, 1, 1)) return nullptr;
  Object* o = args.items[0];
  if (!o->type->absval) return in.raise(in.t.TypeError, "bad operand type for abs(): '" + type_name(o) + "'");
  return o->type->absval(in, o);
}

Object* b_id(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "id", args, 1, 1)) return nullptr;
  return new_int(in, static_cast<int64_t>(reinterpret_cast<uintptr_t>(args.items[0])));
}

Object* b_hash(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "hash", args, 1, 1)) return nullptr;
  int64_t h;
  if (!hash(in, args.items[0], &h)) return nullptr;
  return new_int(in, h);
}

Object* b_callable(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "callable", args, 1, 1)) return nullptr;
  return new_bool(in, args.items[0]->type->call != nullptr);
}

Object* b_chr(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "chr", args, 1, 1)) return nullptr;
  if (!is_type(args.items[0], in.t.int_)) {
    return in.raise(in.t.TypeError, "'" + type_name(args.items[0]) + "' object cannot be interpreted as an integer");
  }
  auto* i = static_cast<IntObj*>(args.items[0]);
  if (i->big) return in.raise(in.t.OverflowError, "Python int too large to convert to C int");
  if (i->small < 0 || i->small > 0x10ffff) return in.raise(in.t.ValueError, "chr() arg not in range(0x110000)");
  return new_str(in, std::u32string(1, static_cast<char32_t>(i->small)));
}

Object* b_ord(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "ord", args, 1, 1)) return nullptr;
  Object* o = args.items[0];
  if (is_type(o, in.t.str)) {
    if (str_view(o).size() != 1) {
      return in.raise(in.t.TypeError, "ord() expected a character, but string of length " +
                                          std::to_string(str_view(o).size()) + " found");
    }
    return new_int(in, static_cast<int64_t>(str_view(o)[0]));
  }
  if (is_type(o, in.t.bytes)) {
    const auto& s = static_cast<BytesObj*>(o)->s;
    if (s.size() != 1) {
      return in.raise(in.t.TypeError, "ord() expected a character, but string of length " + std::to_string(s.size()) + " found");
    }
    return new_int(in, static_cast<unsigned char>(s[0]));
  }
  return in.raise(in.t.TypeError, "ord() expected string of length 1, but " + type_name(o) + " found");
}

template <int kBase>
Object* b_radix(Interp& in, Object*, const Args& args) {
  const char* name = kBase == 16 ? "hex" : kBase == 8 ? "oct" : "bin";
  if (!arg_count(in, name, args, 1, 1)) return nullptr;
  Object* o = args.items[0];
  BigInt v;
  if (is_type(o, in.t.int_)) {
    v = int_value(o);
  } else {
    int64_t x;
    if (!index_value(in, o, &x)) return nullptr;
    v = BigInt(x);
  }
  std::string digits = v.abs().to_string(kBase);
  std::string prefix = kBase == 16 ? "0x" : kBase == 8 ? "0o" : "0b";
  return new_str(in, (v.negative() ? "-" : "") + prefix + digits);
}

Object* b_format(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "format", args, 1, 2)) return nullptr;
  Object* spec = args.npos > 1 ? incref(args.items[1]) : new_str(in, "");
  if (!is_type(spec, in.t.str)) {
    std::string n = type_name(spec);
    decref(spec);
    return in.raise(in.t.TypeError, "format() argument 2 must be str, not " + n);
  }
  Object* r = format(in, args.items[0], spec);
  decref(spec);
  return r;
}

Object* b_iter(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "iter", args, 1, 2)) return nullptr;
  if (args.npos == 2) {
    if (!args.items[0]->type->call) return in.raise(in.t.TypeError, "iter(v, w): v must be callable");
    return new_iter_of(in, IterObj::kCallable, incref(args.items[0]), incref(args.items[1]));
  }
  return get_iter(in, args.items[0]);
}

Object* b_next(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "next", args, 1, 2)) return nullptr;
  Object* it = args.items[0];
  if (!it->type->next) return in.raise(in.t.TypeError, "'" + type_name(it) + "' object is not an iterator");
  // A generator's return value and a __next__'s StopIteration(value) reach
  // the caller (the next slot reports exhaustion only).
  Object* r;
  if (it->type == in.t.generator && in.generator_next) {
    r = in.generator_next(in, it);
  } else if (it->type->heap) {
    Object* m = type_lookup(in, it->type, "__next__");
    r = m ? call1(in, m, it) : it->type->next(in, it);
  } else {
    r = it->type->next(in, it);
  }
  if (r) return r;
  if (in.error()) {
    if (args.npos == 2 && in.matches(in.t.StopIteration)) {
      in.clear_error();
      return incref(args.items[1]);
    }
    return nullptr;
  }
  if (args.npos == 2) return incref(args.items[1]);
  return in.raise_obj(new_exception(in, in.t.StopIteration, incref(in.empty_tuple)));
}

template <bool kAll>
Object* b_any_all(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, kAll ? "all" : "any", args, 1, 1)) return nullptr;
  Object* it = get_iter(in, args.items[0]);
  if (!it) return nullptr;
  while (Object* x = iter_next(in, it)) {
    int t = truth(in, x);
    decref(x);
    if (t < 0) {
      decref(it);
      return nullptr;
    }
    if (t != kAll) {
      decref(it);
      return new_bool(in, !kAll);
    }
  }
  decref(it);
  if (in.error()) return nullptr;
  return new_bool(in, kAll);
}

// acc = acc <op> x for each x of `iterable`, left to right (sum, math.prod).
// Takes the reference to `acc`; returns the result or nullptr with the error set.
Object* accumulate(Interp& in, Object* acc, Object* iterable, int op) {
  Object* it = get_iter(in, iterable);
  if (!it) {
    decref(acc);
    return nullptr;
  }
  while (Object* x = iter_next(in, it)) {
    Object* r = binary_op(in, acc, x, op);
    decref(x);
    decref(acc);
    if (!r) {
      decref(it);
      return nullptr;
    }
    acc = r;
  }
  decref(it);
  if (in.error()) {
    decref(acc);
    return nullptr;
  }
  return acc;
}

Object* b_sum(Interp& in, Object*, const Args& args) {
  Object* a[2];
  if (!parse_args(in, "sum", args, {"", "start"}, 1, a, 1)) return nullptr;
  Object* acc = a[1] ? incref(a[1]) : new_int(in, 0);
  if (is_type(acc, in.t.str)) {
    decref(acc);
    return in.raise(in.t.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  }
  if (is_type(acc, in.t.bytes)) {
    decref(acc);
    return in.raise(in.t.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  }
  return accumulate(in, acc, a[0], kAdd);
}

template <bool kMax>
Object* b_minmax(Interp& in, Object*, const Args& args) {
  const char* name = kMax ? "max" : "min";
  Object *key = nullptr, *dflt = nullptr;
  for (size_t k = 0; k < args.nkw(); ++k) {
    std::string n = utf8(args.kwname(k));
    if (n == "key") key = args.kwvalue(k);
    else if (n == "default") dflt = args.kwvalue(k);
    else return in.raise(in.t.TypeError, std::string(name) + "() got an unexpected keyword argument '" + n + "'");
  }
  if (key == in.None) key = nullptr;
  if (args.npos == 0) return in.raise(in.t.TypeError, std::string(name) + " expected at least 1 argument, got 0");
  Ref seq;
  if (args.npos == 1) {
    seq = Ref(sequence_to_list(in, args.items[0]));
    if (!seq) return nullptr;
  } else {
    if (dflt) {
      return in.raise(in.t.TypeError, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    }
    std::vector<Object*> items;
    for (size_t i = 0; i < args.npos; ++i) items.push_back(incref(args.items[i]));
    seq = Ref(new_list(in, std::move(items)));
  }
  const auto& items = static_cast<ListObj*>(seq.get())->items;
  if (items.empty()) {
    if (dflt) return incref(dflt);
    return in.raise(in.t.ValueError, std::string(name) + "() arg is an empty sequence");
  }
  Object* best = nullptr;
  Ref best_key;
  for (Object* x : items) {
    Ref k = key ? Ref(call1(in, key, x)) : Ref::borrow(x);
    if (!k) return nullptr;
    if (!best) {
      best = x;
      best_key = k;
      continue;
    }
    int better = compare_bool(in, k.get(), best_key.get(), kMax ? kGt : kLt);
    if (better < 0) return nullptr;
    if (better) {
      best = x;
      best_key = k;
    }
  }
  return incref(best);
}

Object* b_sorted(Interp& in, Object*, const Args& args) {
  if (args.npos != 1) {
    return in.raise(in.t.TypeError, args.npos == 0 ? "sorted expected 1 argument, got 0"
                                                   : "sorted expected 1 argument, got " + std::to_string(args.npos));
  }
  Object* a[3];
  if (!parse_args(in, "sorted", args, {"", "key", "reverse"}, 1, a, 1)) return nullptr;
  Object* list = sequence_to_list(in, a[0]);
  if (!list) return nullptr;
  int rev = a[2] ? truth(in, a[2]) : 0;
  if (rev < 0 || !list_sort(in, static_cast<ListObj*>(list), a[1] == in.None ? nullptr : a[1], rev)) {
    decref(list);
    return nullptr;
  }
  return list;
}

Object* b_divmod(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "divmod", args, 2, 2)) return nullptr;
  Object *a = args.items[0], *b = args.items[1];
  if (is_type(a, in.t.float_) || is_type(b, in.t.float_)) {
    bool ok1, ok2;
    if ((is_type(a, in.t.float_) || is_type(a, in.t.int_)) && (is_type(b, in.t.float_) || is_type(b, in.t.int_))) {
      double x = float_value(in, a, &ok1), y = float_value(in, b, &ok2);
      if (!ok1 || !ok2) return nullptr;
      if (y == 0) return in.raise(in.t.ZeroDivisionError, "float divmod()");
      double d, m;
      num::float_divmod(x, y, d, m);
      return new_tuple(in, {new_float(in, d), new_float(in, m)});
    }
  }
  if (is_type(a, in.t.int_) && is_type(b, in.t.int_)) {
    BigInt x = int_value(a), y = int_value(b);
    if (y.is_zero()) return in.raise(in.t.ZeroDivisionError, "integer division or modulo by zero");
    BigInt d, m;
    BigInt::divmod(x, y, d, m);
    return new_tuple(in, {new_int(in, d), new_int(in, m)});
  }
  Object* q = binary_op(in, a, b, kFloorDiv);
  if (!q) {
    if (in.matches(in.t.TypeError)) {
      in.clear_error();
      return in.raise(in.t.TypeError, "unsupported operand type(s) for divmod(): '" + type_name(a) + "' and '" + type_name(b) + "'");
    }
    return nullptr;
  }
  Object* r = binary_op(in, a, b, kRem);
  if (!r) {
    decref(q);
    return nullptr;
  }
  return new_tuple(in, {q, r});
}

// Modular inverse of [a] mod [m] (m > 0), or false.
bool mod_inverse(BigInt a, const BigInt& m, BigInt* out) {
  BigInt q, r;
  BigInt::divmod(a, m, q, a);
  BigInt old_r = a, rr = m, old_s(1), s(0);
  while (!rr.is_zero()) {
    BigInt quot, rem;
    BigInt::divmod(old_r, rr, quot, rem);
    old_r = rr;
    rr = rem;
    BigInt tmp = old_s - quot * s;
    old_s = s;
    s = tmp;
  }
  if (!(old_r == BigInt(1))) return false;
  BigInt::divmod(old_s, m, q, r);
  *out = r;
  return true;
}

Object* b_pow(Interp& in, Object*, const Args& args) {
  Object* a[3];
  if (!parse_args(in, "pow", args, {"base", "exp", "mod"}, 2, a)) return nullptr;
  if (!a[2] || a[2] == in.None) return binary_op(in, a[0], a[1], kPow);
  if (!is_type(a[0], in.t.int_) || !is_type(a[1], in.t.int_) || !is_type(a[2], in.t.int_)) {
    return in.raise(in.t.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  }
  BigInt base = int_value(a[0]), exp = int_value(a[1]), mod = int_value(a[2]);
  if (mod.is_zero()) return in.raise(in.t.ValueError, "pow() 3rd argument cannot be 0");
  bool neg_mod = mod.negative();
  BigInt m = mod.abs();
  if (exp.negative()) {
    BigInt inv;
    if (!mod_inverse(base, m, &inv)) return in.raise(in.t.ValueError, "base is not invertible for the given modulus");
    base = inv;
    exp = -exp;
  }
  BigInt r = BigInt::pow_mod(base, exp, m);
  if (neg_mod && !r.is_zero()) r = r - m;
  return new_int(in, r);
}

Object* b_round(Interp& in, Object*, const Args& args) {
  Object* a[2];
  if (!parse_args(in, "round", args, {"number", "ndigits"}, 1, a)) return nullptr;
  Object* x = a[0];
  Object* nd = a[1] == in.None ? nullptr : a[1];
  if (is_type(x, in.t.float_)) {
    double v = static_cast<FloatObj*>(x)->value;
    if (!nd) {
      std::string err;
      auto r = num::round_float_to_int(v, &err);
      if (!r) return in.raise(std::isnan(v) ? in.t.ValueError : in.t.OverflowError, err);
      return new_int(in, *r);
    }
    int64_t n;
    if (!index_value(in, nd, &n)) return nullptr;
    return new_float(in, num::round_float(v, static_cast<long>(std::clamp<int64_t>(n, -100000, 100000))));
  }
  if (is_type(x, in.t.int_)) {
    if (!nd) return new_int(in, int_value(x));
    int64_t n;
    if (!index_value(in, nd, &n)) return nullptr;
    if (n >= 0) return new_int(in, int_value(x));
    if (n < -10000) return new_int(in, 0);
    // Round half to even at 10**-n.
    BigInt p = BigInt(10).pow(static_cast<uint64_t>(-n));
    BigInt v = int_value(x), q, r;
    BigInt::divmod(v, p, q, r);
    BigInt twice = r + r;
    int c = twice.compare(p);
    if (c > 0 || (c == 0 && q.to_string().back() % 2 == 1)) q = q + BigInt(1);
    return new_int(in, q * p);
  }
  Object* m = type_lookup(in, x->type, "__round__");
  if (!m) return in.raise(in.t.TypeError, "type " + type_name(x) + " doesn't define __round__ method");
  return nd ? call2(in, m, x, nd) : call1(in, m, x);
}

bool class_info_check(Interp& in, Object* cls, const char* fname) {
  if (is_type(cls, in.t.type)) return true;
  if (is_type(cls, in.t.tuple)) {
    for (Object* c : static_cast<TupleObj*>(cls)->items) {
      if (!class_info_check(in, c, fname)) return false;
    }
    return true;
  }
  std::string what = std::string(fname) == "issubclass" ? "class" : "type";
  in.raise(in.t.TypeError, std::string(fname) + "() arg 2 must be a " + what + ", a tuple of " + (what == "class" ? "classes" : "types") + ", or a union");
  return false;
}

bool isinstance_of(Interp& in, Type* t, Object* cls) {
  if (is_type(cls, in.t.tuple)) {
    for (Object* c : static_cast<TupleObj*>(cls)->items) {
      if (isinstance_of(in, t, c)) return true;
    }
    return false;
  }
  return t->is_subtype(static_cast<Type*>(cls));
}

Object* b_isinstance(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "isinstance", args, 2, 2)) return nullptr;
  if (!class_info_check(in, args.items[1], "isinstance")) return nullptr;
  return new_bool(in, isinstance_of(in, args.items[0]->type, args.items[1]));
}

Object* b_issubclass(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "issubclass", args, 2, 2)) return nullptr;
  if (!is_type(args.items[0], in.t.type)) return in.raise(in.t.TypeError, "issubclass() arg 1 must be a class");
  if (!class_info_check(in, args.items[1], "issubclass")) return nullptr;
  return new_bool(in, isinstance_of(in, static_cast<Type*>(args.items[0]), args.items[1]));
}

Object* b_getattr(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "getattr", args, 2, 3)) return nullptr;
  if (!is_type(args.items[1], in.t.str)) {
    return in.raise(in.t.TypeError, "attribute name must be string, not '" + type_name(args.items[1]) + "'");
  }
  Object* r = getattr(in, args.items[0], args.items[1]);
  if (!r && args.npos == 3 && in.matches(in.t.AttributeError)) {
    in.clear_error();
    return incref(args.items[2]);
  }
  return r;
}

Object* b_hasattr(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "hasattr", args, 2, 2)) return nullptr;
  if (!is_type(args.items[1], in.t.str)) {
    return in.raise(in.t.TypeError, "attribute name must be string, not '" + type_name(args.items[1]) + "'");
  }
  Object* r = getattr(in, args.items[0], args.items[1]);
  if (r) {
    decref(r);
    return new_bool(in, true);
  }
  if (in.matches(in.t.AttributeError)) {
    in.clear_error();
    return new_bool(in, false);
  }
  return nullptr;
}

Object* b_setattr(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "setattr", args, 3, 3)) return nullptr;
  if (!is_type(args.items[1], in.t.str)) {
    return in.raise(in.t.TypeError, "attribute name must be string, not '" + type_name(args.items[1]) + "'");
  }
  if (setattr(in, args.items[0], args.items[1], args.items[2]) < 0) return nullptr;
  return incref(in.None);
}

Object* b_delattr(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "delattr", args, 2, 2)) return nullptr;
  if (setattr(in, args.items[0], args.items[1], nullptr) < 0) return nullptr;
  return incref(in.None);
}

Object* b_dir(Interp& in, Object*, const Args& args) {
  if (args.npos > 1) {
    return in.raise(in.t.TypeError, "dir expected at most 1 argument, got " + std::to_string(args.npos));
  }
  if (!arg_count(in, "dir", args, 1, 1)) return nullptr;
  Object* o = args.items[0];
  SetObj* names = new_set(in, false);
  Ref guard(names);
  auto add_dict = [&](DictObj* d) {
    if (!d) return;
    for (auto& e : d->entries) {
      if (e.key) set_add(in, names, e.key);
    }
  };
  if (auto* m = as_module(o)) {
    add_dict(m->dict);
  } else if (is_type(o, in.t.type)) {
    for (Type* t : static_cast<Type*>(o)->mro) add_dict(t->dict);
  } else {
    if (auto* i = as_instance(o)) add_dict(i->dict);
    for (Type* t : o->type->mro) add_dict(t->dict);
  }
  Object* list = sequence_to_list(in, names);
  if (!list || !list_sort(in, static_cast<ListObj*>(list), nullptr, false)) {
    xdecref(list);
    return nullptr;
  }
  return list;
}

// enumerate / zip / map / filter / reversed: types whose instances are iterators.
Object* enumerate_create(Interp& in, Type*, const Args& args) {
  Object* a[2];
  if (!parse_args(in, "enumerate", args, {"iterable", "start"}, 1, a)) return nullptr;
  Object* it = get_iter(in, a[0]);
  if (!it) return nullptr;
  Object* start;
  if (a[1]) {
    if (!is_type(a[1], in.t.int_)) {
      decref(it);
      return in.raise(in.t.TypeError, "'" + type_name(a[1]) + "' object cannot be interpreted as an integer");
    }
    start = incref(a[1]);
  } else {
    start = new_int(in, 0);
  }
  return new_iter_of(in, IterObj::kEnumerate, it, start);
}

Object* zip_create(Interp& in, Type*, const Args& args) {
  bool strict = false;
  for (size_t k = 0; k < args.nkw(); ++k) {
    if (utf8(args.kwname(k)) != "strict") {
      return in.raise(in.t.TypeError, "zip() got an unexpected keyword argument '" + utf8(args.kwname(k)) + "'");
    }
    strict = truth(in, args.kwvalue(k)) == 1;
  }
  std::vector<Object*> its;
  for (size_t i = 0; i < args.npos; ++i) {
    Object* it = get_iter(in, args.items[i]);
    if (!it) {
      for (Object* x : its) decref(x);
      if (in.matches(in.t.TypeError)) {
        in.clear_error();
        return in.raise(in.t.TypeError, "zip argument #" + std::to_string(i + 1) + " must support iteration");
      }
      return nullptr;
    }
    its.push_back(it);
  }
  Object* r = new_iter_of(in, IterObj::kZip, nullptr, new_tuple(in, std::move(its)));
  static_cast<IterObj*>(r)->step = strict ? 1 : 0;
  return r;
}

Object* map_create(Interp& in, Type*, const Args& args) {
  if (!no_kwargs(in, "map", args)) return nullptr;
  if (args.npos < 2) return in.raise(in.t.TypeError, "map() must have at least two arguments.");
  std::vector<Object*> its;
  for (size_t i = 1; i < args.npos; ++i) {
    Object* it = get_iter(in, args.items[i]);
    if (!it) {
      for (Object* x : its) decref(x);
      return nullptr;
    }
    its.push_back(it);
  }
  return new_iter_of(in, IterObj::kMap, incref(args.items[0]), new_tuple(in, std::move(its)));
}

Object* filter_create(Interp& in, Type*, const Args& args) {
  if (!arg_count(in, "filter", args, 2, 2)) return nullptr;
  Object* it = get_iter(in, args.items[1]);
  if (!it) return nullptr;
  return new_iter_of(in, IterObj::kFilter, incref(args.items[0]), it);
}

Object* reversed_create(Interp& in, Type*, const Args& args) {
  if (!arg_count(in, "reversed", args, 1, 1)) return nullptr;
  Object* seq = args.items[0];
  if (Object* m = type_lookup(in, seq->type, "__reversed__")) return call1(in, m, seq);
  if (is_type(seq, in.t.dict) || is_type(seq, in.t.dict_keys)) {
    Object* list = sequence_to_list(in, seq);
    if (!list) return nullptr;
    Object* r = new_iter_of(in, IterObj::kReversed, list, nullptr);
    static_cast<IterObj*>(r)->pos = static_cast<int64_t>(static_cast<ListObj*>(list)->items.size()) - 1;
    return r;
  }
  if (!seq->type->getitem || !seq->type->length || is_type(seq, in.t.set) || is_type(seq, in.t.frozenset)) {
    return in.raise(in.t.TypeError, "'" + type_name(seq) + "' object is not reversible");
  }
  int64_t n = length(in, seq);
  if (n < 0) return nullptr;
  Object* r = new_iter_of(in, IterObj::kReversed, incref(seq), nullptr);
  static_cast<IterObj*>(r)->pos = n - 1;
  return r;
}

// ---- sys ------------------------------------------------------------------------------------

Object* sys_exit(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "exit", args, 0, 1)) return nullptr;
  std::vector<Object*> items;
  if (args.npos) items.push_back(incref(args.items[0]));
  return in.raise_obj(new_exception(in, in.t.SystemExit, new_tuple(in, std::move(items))));
}

// sys._debugmallocstats(): the small-object allocator's statistics on stderr.
Object* sys_debugmallocstats(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "_debugmallocstats", args, 0, 0)) return nullptr;
  in.write_stderr(memory::debug_stats());
  return incref(in.None);
}

Object* sys_getrefcount(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "getrefcount", args, 1, 1)) return nullptr;
  const int64_t n = args.items[0]->refcnt;
  return new_int(in, n >= kStaticRefcnt ? n - kStaticRefcnt : n);
}

// sys.exc_info(): (type, value, traceback) of the exception being handled.
// pylife has no traceback objects: the third item is None.
Object* sys_exc_info(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "exc_info", args, 0, 0)) return nullptr;
  Object* e = in.topmost_handled();
  if (!e) return new_tuple(in, {incref(in.None), incref(in.None), incref(in.None)});
  return new_tuple(in, {incref(e->type), incref(e), incref(in.None)});
}

// sys.exception() (3.11): the exception being handled, or None.
Object* sys_exception(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "exception", args, 0, 0)) return nullptr;
  Object* e = in.topmost_handled();
  return incref(e ? e : in.None);
}

Object* sys_getrecursionlimit(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "getrecursionlimit", args, 0, 0)) return nullptr;
  return new_int(in, in.recursion_limit);
}

Object* sys_setrecursionlimit(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "setrecursionlimit", args, 1, 1)) return nullptr;
  int64_t n;
  if (!is_type(args.items[0], in.t.int_)) return in.raise(in.t.TypeError, "'" + type_name(args.items[0]) + "' object cannot be interpreted as an integer");
  if (!index_value(in, args.items[0], &n)) return nullptr;
  if (n < 1) return in.raise(in.t.ValueError, "recursion limit must be greater or equal than 1");
  if (n <= in.depth) {
    return in.raise(in.t.RecursionError, "cannot set the recursion limit to " + std::to_string(n) +
                                             " at the recursion depth " + std::to_string(in.depth) + ": the limit is too low");
  }
  in.recursion_limit = static_cast<int>(std::min<int64_t>(n, 1000000));
  return incref(in.None);
}

Object* sys_intern(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "intern", args, 1, 1)) return nullptr;
  return intern(in, utf8(args.items[0]));
}

Object* version_info_getattr(Interp& in, Object* o, StrObj* name) {
  static const char32_t* const names[] = {U"major", U"minor", U"micro", U"releaselevel", U"serial"};
  for (size_t i = 0; i < 5; ++i) {
    if (name->s == names[i]) return incref(static_cast<TupleObj*>(o)->items[i]);
  }
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError, "'sys.version_info' object has no attribute '" + utf8(name) + "'");
}

Object* version_info_repr(Interp& in, Object*) {
  return new_str(in, "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)");
}

// ---- math ------------------------------------------------------------------------------------

bool float_arg(Interp& in, Object* o, double* out) {
  bool ok;
  *out = float_value(in, o, &ok);
  return ok;
}

Object* math_result(Interp& in, double x, double r, bool can_overflow = true) {
  if (std::isnan(r) && !std::isnan(x)) return in.raise(in.t.ValueError, "math domain error");
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) return in.raise(in.t.OverflowError, "math range error");
    return in.raise(in.t.ValueError, "math domain error");
  }
  return new_float(in, r);
}

template <double (*kFn)(double), bool kOverflow>
Object* math_unary(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "math function", args, 1, 1)) return nullptr;
  double x;
  if (!float_arg(in, args.items[0], &x)) return nullptr;
  return math_result(in, x, kFn(x), kOverflow);
}

double d_sqrt(double x) { return std::sqrt(x); }
double d_exp(double x) { return std::exp(x); }
double d_expm1(double x) { return std::expm1(x); }
double d_exp2(double x) { return std::exp2(x); }
double d_cbrt(double x) { return std::cbrt(x); }
double d_log2(double x) { return x <= 0 ? std::nan("") : std::log2(x); }
double d_log10(double x) { return x <= 0 ? std::nan("") : std::log10(x); }
double d_log1p(double x) { return x <= -1 ? std::nan("") : std::log1p(x); }
double d_sin(double x) { return std::isinf(x) ? std::nan("") : std::sin(x); }
double d_cos(double x) { return std::isinf(x) ? std::nan("") : std::cos(x); }
double d_tan(double x) { return std::isinf(x) ? std::nan("") : std::tan(x); }
double d_asin(double x) { return std::asin(x); }
double d_acos(double x) { return std::acos(x); }
double d_atan(double x) { return std::atan(x); }
double d_sinh(double x) { return std::sinh(x); }
double d_cosh(double x) { return std::cosh(x); }
double d_tanh(double x) { return std::tanh(x); }
double d_asinh(double x) { return std::asinh(x); }
double d_acosh(double x) { return std::acosh(x); }
double d_atanh(double x) { return std::fabs(x) >= 1 ? std::nan("") : std::atanh(x); }
double d_fabs(double x) { return std::fabs(x); }
double d_degrees(double x) { return x * (180.0 / M_PI); }
double d_radians(double x) { return x * (M_PI / 180.0); }
double d_erf(double x) { return std::erf(x); }
double d_erfc(double x) { return std::erfc(x); }
double d_gamma(double x) {
  if (x <= 0 && x == std::floor(x)) return std::nan("");
  return std::tgamma(x);
}
double d_lgamma(double x) {
  if (x <= 0 && x == std::floor(x)) return std::numeric_limits<double>::infinity() * 0 + std::nan("");
  return std::lgamma(x);
}

Object* math_log(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "log", args, 1, 2)) return nullptr;
  auto ln = [&](Object* o, double* out) {
    if (is_type(o, in.t.int_) && static_cast<IntObj*>(o)->big) {
      BigInt v = int_value(o);
      if (v.sign() <= 0) {
        in.raise(in.t.ValueError, "math domain error");
        return false;
      }
      uint64_t bits = v.bit_length();
      uint64_t shift = bits > 60 ? bits - 60 : 0;
      bool ov;
      double m = v.shift_right(shift).to_double(&ov);
      *out = std::log(m) + static_cast<double>(shift) * std::log(2.0);
      return true;
    }
    double x;
    if (!float_arg(in, o, &x)) return false;
    if (x <= 0 || std::isnan(x)) {
      if (std::isnan(x)) {
        *out = x;
        return true;
      }
      in.raise(in.t.ValueError, "math domain error");
      return false;
    }
    *out = std::log(x);
    return true;
  };
  double a;
  if (!ln(args.items[0], &a)) return nullptr;
  if (args.npos == 2) {
    double b;
    if (!ln(args.items[1], &b)) return nullptr;
    if (b == 0) return in.raise(in.t.ZeroDivisionError, "float division by zero");
    return new_float(in, a / b);
  }
  return new_float(in, a);
}

template <int kWhich>
Object* math_round_int(Interp& in, Object*, const Args& args) {
  static const char* const names[] = {"ceil", "floor", "trunc"};
  static const char* const dunders[] = {"__ceil__", "__floor__", "__trunc__"};
  if (!arg_count(in, names[kWhich], args, 1, 1)) return nullptr;
  Object* o = args.items[0];
  if (is_type(o, in.t.int_)) return new_int(in, int_value(o));
  if (!is_type(o, in.t.float_)) {
    if (Object* m = type_lookup(in, o->type, dunders[kWhich])) return call1(in, m, o);
  }
  double x;
  if (!float_arg(in, o, &x)) return nullptr;
  double r = kWhich == 0 ? std::ceil(x) : kWhich == 1 ? std::floor(x) : std::trunc(x);
  if (std::isinf(r)) return in.raise(in.t.OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(r)) return in.raise(in.t.ValueError, "cannot convert float NaN to integer");
  return new_int(in, BigInt::from_double(r));
}

Object* math_pow(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "pow", args, 2, 2)) return nullptr;
  double x, y;
  if (!float_arg(in, args.items[0], &x) || !float_arg(in, args.items[1], &y)) return nullptr;
  if (x == 0 && y < 0) return in.raise(in.t.ValueError, "math domain error");
  if (x < 0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) return in.raise(in.t.ValueError, "math domain error");
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return in.raise(in.t.OverflowError, "math range error");
  return new_float(in, r);
}

template <int kWhich>
Object* math_binary(Interp& in, Object*, const Args& args) {
  static const char* const names[] = {"atan2", "copysign", "fmod", "remainder", "nextafter"};
  if (!arg_count(in, names[kWhich], args, 2, 2)) return nullptr;
  double x, y;
  if (!float_arg(in, args.items[0], &x) || !float_arg(in, args.items[1], &y)) return nullptr;
  switch (kWhich) {
    case 0: return new_float(in, std::atan2(x, y));
    case 1: return new_float(in, std::copysign(x, y));
    case 2:
      if (y == 0 || std::isinf(x)) return in.raise(in.t.ValueError, "math domain error");
      return new_float(in, std::fmod(x, y));
    case 3:
      if (y == 0 || std::isinf(x)) return in.raise(in.t.ValueError, "math domain error");
      return new_float(in, std::remainder(x, y));
    default: return new_float(in, std::nextafter(x, y));
  }
}

Object* math_hypot(Interp& in, Object*, const Args& args) {
  if (!no_kwargs(in, "hypot", args)) return nullptr;
  double acc = 0;
  bool inf = false, nan = false;
  std::vector<double> v;
  for (size_t i = 0; i < args.npos; ++i) {
    double x;
    if (!float_arg(in, args.items[i], &x)) return nullptr;
    if (std::isinf(x)) inf = true;
    if (std::isnan(x)) nan = true;
    v.push_back(std::fabs(x));
  }
  if (inf) return new_float(in, std::numeric_limits<double>::infinity());
  if (nan) return new_float(in, std::nan(""));
  if (v.size() == 2) return new_float(in, std::hypot(v[0], v[1]));
  double mx = 0;
  for (double x : v) mx = std::max(mx, x);
  if (mx == 0) return new_float(in, 0.0);
  for (double x : v) acc += (x / mx) * (x / mx);
  return new_float(in, mx * std::sqrt(acc));
}

Object* math_dist(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "dist", args, 2, 2)) return nullptr;
  Ref p(sequence_to_list(in, args.items[0]));
  if (!p) return nullptr;
  Ref q(sequence_to_list(in, args.items[1]));
  if (!q) return nullptr;
  auto& a = static_cast<ListObj*>(p.get())->items;
  auto& b = static_cast<ListObj*>(q.get())->items;
  if (a.size() != b.size()) return in.raise(in.t.ValueError, "both points must have the same number of dimensions");
  std::vector<Object*> diffs;
  for (size_t i = 0; i < a.size(); ++i) {
    double x, y;
    if (!float_arg(in, a[i], &x) || !float_arg(in, b[i], &y)) {
      for (Object* d : diffs) decref(d);
      return nullptr;
    }
    diffs.push_back(new_float(in, x - y));
  }
  Object* r = math_hypot(in, nullptr, Args{diffs.data(), diffs.size(), nullptr});
  for (Object* d : diffs) decref(d);
  return r;
}

bool int_arg(Interp& in, Object* o, BigInt* out, const char* fname) {
  if (!is_type(o, in.t.int_)) {
    if (Object* m = type_lookup(in, o->type, "__index__")) {
      Object* r = call1(in, m, o);
      if (!r) return false;
      *out = int_value(r);
      decref(r);
      return true;
    }
    (void)fname;
    in.raise(in.t.TypeError, "'" + type_name(o) + "' object cannot be interpreted as an integer");
    return false;
  }
  *out = int_value(o);
  return true;
}

Object* math_factorial(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "factorial", args, 1, 1)) return nullptr;
  Object* o = args.items[0];
  if (is_type(o, in.t.float_)) return in.raise(in.t.TypeError, "'float' object cannot be interpreted as an integer");
  BigInt n;
  if (!int_arg(in, o, &n, "factorial")) return nullptr;
  if (n.negative()) return in.raise(in.t.ValueError, "factorial() not defined for negative values");
  if (!n.fits_int64() || n.to_int64() > 100000) return in.raise(in.t.OverflowError, "factorial() argument should not exceed 100000");
  BigInt r(1);
  for (int64_t i = 2; i <= n.to_int64(); ++i) r = r * BigInt(i);
  return new_int(in, r);
}

BigInt gcd_of(BigInt a, BigInt b) {
  a = a.abs();
  b = b.abs();
  while (!b.is_zero()) {
    BigInt q, r;
    BigInt::divmod(a, b, q, r);
    a = b;
    b = r;
  }
  return a;
}

template <bool kLcm>
Object* math_gcd(Interp& in, Object*, const Args& args) {
  if (!no_kwargs(in, kLcm ? "lcm" : "gcd", args)) return nullptr;
  BigInt acc(kLcm ? 1 : 0);
  for (size_t i = 0; i < args.npos; ++i) {
    BigInt v;
    if (!int_arg(in, args.items[i], &v, "gcd")) return nullptr;
    if (kLcm) {
      if (acc.is_zero() || v.is_zero()) {
        acc = BigInt(0);
        continue;
      }
      BigInt g = gcd_of(acc, v), q, r;
      BigInt::divmod((acc * v).abs(), g, q, r);
      acc = q;
    } else {
      acc = gcd_of(acc, v);
    }
  }
  return new_int(in, acc);
}

Object* math_isqrt(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "isqrt", args, 1, 1)) return nullptr;
  BigInt n;
  if (!int_arg(in, args.items[0], &n, "isqrt")) return nullptr;
  if (n.negative()) return in.raise(in.t.ValueError, "isqrt() argument must be nonnegative");
  if (n.is_zero()) return new_int(in, 0);
  // Newton's method from a power of two above the root.
  BigInt x = BigInt(1).shift_left((n.bit_length() + 1) / 2 + 1);
  while (true) {
    BigInt q, r;
    BigInt::divmod(n, x, q, r);
    BigInt y = (x + q).shift_right(1);
    if (!(y < x)) break;
    x = y;
  }
  return new_int(in, x);
}

template <bool kComb>
Object* math_comb(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, kComb ? "comb" : "perm", args, kComb ? 2 : 1, 2)) return nullptr;
  BigInt n, k;
  if (!int_arg(in, args.items[0], &n, "comb")) return nullptr;
  if (args.npos == 1 || args.items[1] == in.None) {
    k = n;
  } else if (!int_arg(in, args.items[1], &k, "comb")) {
    return nullptr;
  }
  if (n.negative()) return in.raise(in.t.ValueError, "n must be a non-negative integer");
  if (k.negative()) return in.raise(in.t.ValueError, "k must be a non-negative integer");
  if (n < k) return new_int(in, 0);
  if (!k.fits_int64() || k.to_int64() > 1000000) return in.raise(in.t.OverflowError, "k too large");
  int64_t kk = k.to_int64();
  if (kComb) {
    BigInt n_minus_k = n - k;
    if (n_minus_k < k) kk = n_minus_k.to_int64();
  }
  BigInt r(1);
  for (int64_t i = 0; i < kk; ++i) {
    r = r * (n - BigInt(i));
    if (kComb) {
      BigInt q, m;
      BigInt::divmod(r, BigInt(i + 1), q, m);
      r = q;
    }
  }
  return new_int(in, r);
}

Object* math_frexp(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "frexp", args, 1, 1)) return nullptr;
  double x;
  if (!float_arg(in, args.items[0], &x)) return nullptr;
  int e = 0;
  double m = std::isfinite(x) ? std::frexp(x, &e) : x;
  return new_tuple(in, {new_float(in, m), new_int(in, e)});
}

Object* math_ldexp(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "ldexp", args, 2, 2)) return nullptr;
  double x;
  int64_t e;
  if (!float_arg(in, args.items[0], &x) || !index_value(in, args.items[1], &e)) return nullptr;
  double r = std::ldexp(x, static_cast<int>(std::clamp<int64_t>(e, -100000, 100000)));
  if (std::isinf(r) && std::isfinite(x)) return in.raise(in.t.OverflowError, "math range error");
  return new_float(in, r);
}

Object* math_modf(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "modf", args, 1, 1)) return nullptr;
  double x;
  if (!float_arg(in, args.items[0], &x)) return nullptr;
  double ip;
  double fp = std::isinf(x) ? std::copysign(0.0, x) : std::modf(x, &ip);
  if (std::isinf(x)) ip = x;
  return new_tuple(in, {new_float(in, fp), new_float(in, ip)});
}

template <int kWhich>
Object* math_test(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, kWhich == 0 ? "isfinite" : kWhich == 1 ? "isinf" : "isnan", args, 1, 1)) return nullptr;
  double x;
  if (!float_arg(in, args.items[0], &x)) return nullptr;
  return new_bool(in, kWhich == 0 ? std::isfinite(x) : kWhich == 1 ? std::isinf(x) : std::isnan(x));
}

Object* math_isclose(Interp& in, Object*, const Args& args) {
  Object* a[4];
  if (!parse_args(in, "isclose", args, {"a", "b", "rel_tol", "abs_tol"}, 2, a, 0)) return nullptr;
  double x, y, rel = 1e-09, abs_tol = 0;
  if (!float_arg(in, a[0], &x) || !float_arg(in, a[1], &y)) return nullptr;
  if (a[2] && !float_arg(in, a[2], &rel)) return nullptr;
  if (a[3] && !float_arg(in, a[3], &abs_tol)) return nullptr;
  if (rel < 0 || abs_tol < 0) return in.raise(in.t.ValueError, "tolerances must be non-negative");
  if (x == y) return new_bool(in, true);
  if (std::isinf(x) || std::isinf(y)) return new_bool(in, false);
  double diff = std::fabs(y - x);
  return new_bool(in, diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}

Object* math_fsum(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "fsum", args, 1, 1)) return nullptr;
  Ref list(sequence_to_list(in, args.items[0]));
  if (!list) return nullptr;
  // Shewchuk's exact partials, as CPython's math.fsum.
  std::vector<double> partials;
  double special = 0;
  bool has_special = false;
  for (Object* o : static_cast<ListObj*>(list.get())->items) {
    double x;
    if (!float_arg(in, o, &x)) return nullptr;
    if (!std::isfinite(x)) {
      special = has_special ? special + x : x;
      has_special = true;
      continue;
    }
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    partials.push_back(x);
  }
  if (has_special) {
    if (std::isnan(special)) return in.raise(in.t.ValueError, "-inf + inf in fsum");
    return new_float(in, special);
  }
  double hi = 0;
  if (!partials.empty()) {
    size_t n = partials.size();
    hi = partials[--n];
    double lo = 0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      double y = lo * 2;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return new_float(in, hi);
}

Object* math_prod(Interp& in, Object*, const Args& args) {
  Object* a[2];
  if (!parse_args(in, "prod", args, {"", "start"}, 1, a, 1)) return nullptr;
  Object* acc = a[1] ? incref(a[1]) : new_int(in, 1);
  return accumulate(in, acc, a[0], kMul);
}

Object* math_ulp(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "ulp", args, 1, 1)) return nullptr;
  double x;
  if (!float_arg(in, args.items[0], &x)) return nullptr;
  if (std::isnan(x)) return new_float(in, x);
  x = std::fabs(x);
  if (std::isinf(x)) return new_float(in, x);
  double next = std::nextafter(x, std::numeric_limits<double>::infinity());
  if (std::isinf(next)) return new_float(in, x - std::nextafter(x, 0.0));
  return new_float(in, next - x);
}

// ---- time ---------------------------------------------------------------------------------

Object* time_time(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "time", args, 0, 0)) return nullptr;
  return new_float(in, in.host.wall_clock ? in.host.wall_clock() : 0.0);
}

Object* time_perf_counter(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "perf_counter", args, 0, 0)) return nullptr;
  return new_float(in, in.host.clock ? in.host.clock() : 0.0);
}

Object* time_perf_counter_ns(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "perf_counter_ns", args, 0, 0)) return nullptr;
  return new_int(in, static_cast<int64_t>((in.host.clock ? in.host.clock() : 0.0) * 1e9));
}

Object* time_time_ns(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "time_ns", args, 0, 0)) return nullptr;
  return new_int(in, static_cast<int64_t>((in.host.wall_clock ? in.host.wall_clock() : 0.0) * 1e9));
}

Object* time_sleep(Interp& in, Object*, const Args& args) {
  if (!arg_count(in, "sleep", args, 1, 1)) return nullptr;
  double s;
  if (!float_arg(in, args.items[0], &s)) return nullptr;
  if (s < 0) return in.raise(in.t.ValueError, "sleep length must be non-negative");
  in.flush_stdout();
  if (in.host.sleep) in.host.sleep(s);
  return incref(in.None);
}

void def(Interp& in, DictObj* d, const char* name, MethodFn fn, Object* self) {
  dict_set_str(in, d, name, new_builtin(in, name, fn, self));
}

}  // namespace

ModuleObj* make_module(Interp& in, std::string_view name) {
  ModuleObj* m = new_module(in, name);
  Object* key = new_str(in, name);
  dict_set(in, in.modules, key, m);
  decref(key);
  return m;
}

void init_builtins(Interp& in) {
  DictObj* b = in.builtins;
  ModuleObj* bm = make_module(in, "builtins");
  // builtins module shares the builtins dict.
  decref(bm->dict);
  bm->dict = static_cast<DictObj*>(incref(b));
  dict_set_str(in, b, "__name__", new_str(in, "builtins"));
  decref(bm);
  Object* self = nullptr;
  def(in, b, "print", b_print, self);
  def(in, b, "input", b_input, self);
  def(in, b, "len", b_len, self);
  def(in, b, "repr", b_repr, self);
  def(in, b, "ascii", b_ascii, self);
  def(in, b, "abs", b_abs, self);
  def(in, b, "id", b_id, self);
  def(in, b, "hash", b_hash, self);
  def(in, b, "callable", b_callable, self);
  def(in, b, "chr", b_chr, self);
  def(in, b, "ord", b_ord, self);
  def(in, b, "hex", b_radix<16>, self);
  def(in, b, "oct", b_radix<8>, self);
  def(in, b, "bin", b_radix<2>, self);
  def(in, b, "format", b_format, self);
  def(in, b, "iter", b_iter, self);
  def(in, b, "next", b_next, self);
  def(in, b, "any", b_any_all<false>, self);
  def(in, b, "all", b_any_all<true>, self);
  def(in, b, "sum", b_sum, self);
  def(in, b, "min", b_minmax<false>, self);
  def(in, b, "max", b_minmax<true>, self);
  def(in, b, "sorted", b_sorted, self);
  def(in, b, "divmod", b_divmod, self);
  def(in, b, "pow", b_pow, self);
  def(in, b, "round", b_round, self);
  def(in, b, "isinstance", b_isinstance, self);
  def(in, b, "issubclass", b_issubclass, self);
  def(in, b, "getattr", b_getattr, self);
  def(in, b, "hasattr", b_hasattr, self);
  def(in, b, "setattr", b_setattr, self);
  def(in, b, "delattr", b_delattr, self);
  def(in, b, "dir", b_dir, self);
  Types& t = in.t;
  for (Type* type : {t.object, t.type, t.int_, t.bool_, t.float_, t.complex, t.str, t.bytes, t.tuple, t.list, t.dict,
                     t.set, t.frozenset, t.range, t.slice, t.staticmethod, t.classmethod, t.property}) {
    dict_set_str(in, b, type->name, incref(type));
  }
  auto iter_type = [&](const char* name, Object* (*create)(Interp&, Type*, const Args&)) {
    Type* it = new_static_type(in, name, t.object);
    it->iter = t.iter->iter;
    it->next = t.iter->next;
    it->repr = t.iter->repr;
    it->create = create;
    dict_set_str(in, b, name, it);
  };
  iter_type("enumerate", enumerate_create);
  iter_type("zip", zip_create);
  iter_type("map", map_create);
  iter_type("filter", filter_create);
  iter_type("reversed", reversed_create);
  dict_set_str(in, b, "None", incref(in.None));
  dict_set_str(in, b, "True", incref(in.True));
  dict_set_str(in, b, "False", incref(in.False));
  dict_set_str(in, b, "NotImplemented", incref(in.NotImplemented));
  dict_set_str(in, b, "Ellipsis", incref(in.Ellipsis));
  dict_set_str(in, b, "__debug__", incref(in.True));

  // sys
  ModuleObj* sys = make_module(in, "sys");
  in.sys = sys;
  DictObj* sd = sys->dict;
  def(in, sd, "exit", sys_exit, sys);
  def(in, sd, "getrefcount", sys_getrefcount, sys);
  def(in, sd, "_debugmallocstats", sys_debugmallocstats, sys);
  def(in, sd, "getrecursionlimit", sys_getrecursionlimit, sys);
  def(in, sd, "exc_info", sys_exc_info, sys);
  def(in, sd, "exception", sys_exception, sys);
  def(in, sd, "setrecursionlimit", sys_setrecursionlimit, sys);
  def(in, sd, "intern", sys_intern, sys);
  Type* stream_type = new_static_type(in, "_io.TextIOWrapper", t.object);
  stream_type->repr = stream_repr;
  add_method(in, stream_type, "write", stream_write);
  add_method(in, stream_type, "flush", stream_flush);
  for (int fd : {0, 1, 2}) {
    auto* s = in.alloc<StreamObj>(stream_type);
    s->fd = fd;
    const char* names[] = {"stdin", "stdout", "stderr"};
    dict_set_str(in, sd, names[fd], incref(s));
    dict_set_str(in, sd, (std::string("__") + names[fd] + "__").c_str(), s);
  }
  decref(stream_type);
  dict_set_str(in, sd, "maxsize", new_int(in, INT64_MAX));
  dict_set_str(in, sd, "version", new_str(in, "3.11.7 (pylife) [C++20]"));
  dict_set_str(in, sd, "platform", new_str(in, "linux"));
  dict_set_str(in, sd, "byteorder", new_str(in, "little"));
  dict_set_str(in, sd, "hexversion", new_int(in, 0x30b07f0));
  dict_set_str(in, sd, "modules", incref(in.modules));
  dict_set_str(in, sd, "path", new_list(in, {}));
  Type* vi = new_static_type(in, "sys.version_info", t.tuple);
  vi->getattr = version_info_getattr;
  vi->repr = version_info_repr;
  vi->basetype = false;
  auto* info = in.alloc<TupleObj>(vi);
  info->items = {new_int(in, 3), new_int(in, 11), new_int(in, 7), new_str(in, "final"), new_int(in, 0)};
  dict_set_str(in, sd, "version_info", info);
  decref(vi);
  decref(sys);  // sys.modules and in.sys keep it (in.sys borrowed)

  // math
  ModuleObj* math = make_module(in, "math");
  DictObj* md = math->dict;
  def(in, md, "sqrt", math_unary<d_sqrt, false>, math);
  def(in, md, "exp", math_unary<d_exp, true>, math);
  def(in, md, "expm1", math_unary<d_expm1, true>, math);
  def(in, md, "exp2", math_unary<d_exp2, true>, math);
  def(in, md, "cbrt", math_unary<d_cbrt, false>, math);
  def(in, md, "log", math_log, math);
  def(in, md, "log2", math_unary<d_log2, false>, math);
  def(in, md, "log10", math_unary<d_log10, false>, math);
  def(in, md, "log1p", math_unary<d_log1p, false>, math);
  def(in, md, "sin", math_unary<d_sin, false>, math);
  def(in, md, "cos", math_unary<d_cos, false>, math);
  def(in, md, "tan", math_unary<d_tan, false>, math);
  def(in, md, "asin", math_unary<d_asin, false>, math);
  def(in, md, "acos", math_unary<d_acos, false>, math);
  def(in, md, "atan", math_unary<d_atan, false>, math);
  def(in, md, "sinh", math_unary<d_sinh, true>, math);
  def(in, md, "cosh", math_unary<d_cosh, true>, math);
  def(in, md, "tanh", math_unary<d_tanh, false>, math);
  def(in, md, "asinh", math_unary<d_asinh, false>, math);
  def(in, md, "acosh", math_unary<d_acosh, false>, math);
  def(in, md, "atanh", math_unary<d_atanh, false>, math);
  def(in, md, "fabs", math_unary<d_fabs, false>, math);
  def(in, md, "degrees", math_unary<d_degrees, true>, math);
  def(in, md, "radians", math_unary<d_radians, false>, math);
  def(in, md, "erf", math_unary<d_erf, false>, math);
  def(in, md, "erfc", math_unary<d_erfc, false>, math);
  def(in, md, "gamma", math_unary<d_gamma, true>, math);
  def(in, md, "lgamma", math_unary<d_lgamma, true>, math);
  def(in, md, "ceil", math_round_int<0>, math);
  def(in, md, "floor", math_round_int<1>, math);
  def(in, md, "trunc", math_round_int<2>, math);
  def(in, md, "pow", math_pow, math);
  def(in, md, "atan2", math_binary<0>, math);
  def(in, md, "copysign", math_binary<1>, math);
  def(in, md, "fmod", math_binary<2>, math);
  def(in, md, "remainder", math_binary<3>, math);
  def(in, md, "nextafter", math_binary<4>, math);
  def(in, md, "hypot", math_hypot, math);
  def(in, md, "dist", math_dist, math);
  def(in, md, "factorial", math_factorial, math);
  def(in, md, "gcd", math_gcd<false>, math);
  def(in, md, "lcm", math_gcd<true>, math);
  def(in, md, "isqrt", math_isqrt, math);
  def(in, md, "comb", math_comb<true>, math);
  def(in, md, "perm", math_comb<false>, math);
  def(in, md, "frexp", math_frexp, math);
  def(in, md, "ldexp", math_ldexp, math);
  def(in, md, "modf", math_modf, math);
  def(in, md, "isfinite", math_test<0>, math);
  def(in, md, "isinf", math_test<1>, math);
  def(in, md, "isnan", math_test<2>, math);
  def(in, md, "isclose", math_isclose, math);
  def(in, md, "fsum", math_fsum, math);
  def(in, md, "prod", math_prod, math);
  def(in, md, "ulp", math_ulp, math);
  dict_set_str(in, md, "pi", new_float(in, M_PI));
  dict_set_str(in, md, "e", new_float(in, M_E));
  dict_set_str(in, md, "tau", new_float(in, 2 * M_PI));
  dict_set_str(in, md, "inf", new_float(in, std::numeric_limits<double>::infinity()));
  dict_set_str(in, md, "nan", new_float(in, std::nan("")));
  decref(math);

  // time
  ModuleObj* time = make_module(in, "time");
  DictObj* td = time->dict;
  def(in, td, "time", time_time, time);
  def(in, td, "time_ns", time_time_ns, time);
  def(in, td, "perf_counter", time_perf_counter, time);
  def(in, td, "perf_counter_ns", time_perf_counter_ns, time);
  def(in, td, "monotonic", time_perf_counter, time);
  def(in, td, "sleep", time_sleep, time);
  decref(time);
  init_sre_module(in);
  init_gc_module(in);
  init_weakref_module(in);
  init_generic_alias_type(in);
}

// ---- the interpreter ------------------------------------------------------------------------

Interp::Interp() {
  init_object_types(*this);
  for (Type* type : static_types) type->interp = this;
  auto* none = alloc<NoneObj>(t.none);
  None = none;
  NotImplemented = alloc<NoneObj>(t.notimpl);
  Ellipsis = alloc<NoneObj>(t.ellipsis);
  auto* tr = alloc<IntObj>(t.bool_);
  tr->small = 1;
  True = tr;
  False = alloc<IntObj>(t.bool_);
  for (int v = -5; v <= 256; ++v) {
    auto* i = alloc<IntObj>(t.int_);
    i->small = v;
    small_ints[v + 5] = i;
  }
  empty_tuple = alloc<TupleObj>(t.tuple);
  auto* es = alloc<StrObj>(t.str);
  empty_str = es;
  for (int c = 0; c < 128; ++c) {
    auto* s = alloc<StrObj>(t.str);
    s->s = std::u32string(1, static_cast<char32_t>(c));
    one_char[c] = s;
  }
  for (Type* type : static_types) type->dict = new_dict(*this);
  interned = new_dict(*this);
  builtins = new_dict(*this);
  modules = new_dict(*this);
  init_str_types(*this);  // first: method names are str keys
  init_object_slots(*this);
  init_number_types(*this);
  init_container_types(*this);
  init_exception_types(*this);
  init_builtins(*this);
  for (Type* type : static_types) {
    type->interp = this;
    if (!type->dict) type->dict = new_dict(*this);
  }
}

void AtexitCallback::release() const {
  decref(func);
  decref(args);
  xdecref(kwargs);
}

Interp::~Interp() {
  clear_error();
  flush_stdout();
  for (const auto& c : atexit_callbacks) c.release();
  atexit_callbacks.clear();
  // gc.garbage and gc.callbacks (the gc module's dict holds them too).
  for (Object** list : {&gc.garbage, &gc.callbacks}) {
    Object* l = *list;
    *list = nullptr;
    xdecref(l);
  }
  // Break the references between the long-lived objects, then free the
  // static types last (they refer to one another).
  auto clear_dict = [&](DictObj* d) {
    if (!d) return;
    std::vector<DictObj::Entry> entries;
    std::swap(entries, d->entries);
    d->index.clear();
    d->used = 0;
    ++d->stamp;
    for (auto& e : entries) {
      if (e.key) {
        decref(e.key);
        decref(e.value);
      }
    }
  };
  if (modules) {
    for (auto& e : modules->entries) {
      if (e.key) {
        if (auto* m = as_module(e.value)) clear_dict(m->dict);
      }
    }
  }
  clear_dict(modules);
  clear_dict(builtins);
  for (Type* type : static_types) clear_dict(type->dict);
  xdecref(modules);
  xdecref(builtins);
  clear_dict(interned);
  xdecref(interned);
  for (Object*& o : small_ints) xdecref(o);
  for (Object*& o : one_char) xdecref(o);
  xdecref(empty_tuple);
  xdecref(empty_str);
  for (Type* type : static_types) {
    xdecref(type->dict);
    type->dict = nullptr;
    for (Type* b : type->bases) (void)b;
    type->bases.clear();
  }
  for (IntObj* i : free_ints) delete i;
  for (FloatObj* f : free_floats) delete f;
  // The singletons are immortal; free them with the types.
  for (Object* o : {None, NotImplemented, Ellipsis, True, False}) delete o;
  for (Type* type : static_types) {
    type->type = nullptr;
    delete type;
  }
}

}  // namespace pylife::runtime
