// int, bool, float and complex objects: arithmetic with CPython 3.11's
// semantics and messages (floor division and modulo signs, true division,
// negative powers, shifts, exact int/float comparison) and their hashes
// (the modular hash of Python/pyhash.c, so dict and set layouts match).
#include <cmath>
#include <complex>

#include "object.h"
#include "pylife/dtoa.h"
#include "pylife/format.h"
#include "pylife/numbers.h"

namespace pylife::runtime {

namespace {

constexpr int64_t kHashModulus = (int64_t{1} << 61) - 1;
constexpr int kHashBits = 61;

IntObj* as_int(Object* o) { return static_cast<IntObj*>(o); }

bool is_int(Interp& in, Object* o) { return is_type(o, in.t.int_); }
bool is_float(Interp& in, Object* o) { return is_type(o, in.t.float_); }

// ---- hashing --------------------------------------------------------------------

int64_t hash_double(Object* self, double v) {
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return static_cast<int64_t>(reinterpret_cast<uintptr_t>(self) >> 4);
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  const uint64_t P = static_cast<uint64_t>(kHashModulus);
  while (m) {
    x = ((x << 28) & P) | x >> (kHashBits - 28);
    m *= 268435456.0;
    e -= 28;
    auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= P) x -= P;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & P) | x >> (kHashBits - e);
  auto r = static_cast<int64_t>(x) * sign;
  return r == -1 ? -2 : r;
}

bool int_hash(Interp&, Object* o, int64_t* out) {
  auto* i = as_int(o);
  if (!i->big && i->small > -kHashModulus && i->small < kHashModulus) {
    *out = i->small == -1 ? -2 : i->small;
  } else {
    *out = i->as_big().hash();
  }
  return true;
}

bool float_hash(Interp&, Object* o, int64_t* out) {
  *out = hash_double(o, static_cast<FloatObj*>(o)->value);
  return true;
}

bool complex_hash(Interp&, Object* o, int64_t* out) {
  auto* c = static_cast<ComplexObj*>(o);
  uint64_t r = static_cast<uint64_t>(hash_double(o, c->real));
  uint64_t i = static_cast<uint64_t>(hash_double(o, c->imag));
  auto h = static_cast<int64_t>(r + 1000003ULL * i);
  *out = h == -1 ? -2 : h;
  return true;
}

// ---- repr -----------------------------------------------------------------------

Object* int_repr(Interp& in, Object* o) {
  auto* i = as_int(o);
  if (!i->big) return new_str(in, std::to_string(i->small));
  std::string s = i->value.to_string();
  if (s.size() > 4300) {
    return in.raise(in.t.ValueError,
                    "Exceeds the limit (4300 digits) for integer string conversion; use "
                    "sys.set_int_max_str_digits() to increase the limit");
  }
  return new_str(in, s);
}

Object* bool_repr(Interp& in, Object* o) { return new_str(in, o == in.True ? "True" : "False"); }

Object* float_repr_obj(Interp& in, Object* o) {
  return new_str(in, float_repr(static_cast<FloatObj*>(o)->value));
}

Object* complex_repr(Interp& in, Object* o) {
  auto* c = static_cast<ComplexObj*>(o);
  return new_str(in, dtoa::complex_repr(c->real, c->imag));
}

// ---- comparisons ----------------------------------------------------------------------

bool apply_cmp(int c, int op) {
  switch (op) {
    case kLt: return c < 0;
    case kLe: return c <= 0;
    case kEq: return c == 0;
    case kNe: return c != 0;
    case kGt: return c > 0;
    default: return c >= 0;
  }
}

// Exact comparison of an int with a finite or infinite double (not NaN).
int compare_int_double(const IntObj* i, double d) {
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  if (!i->big && i->small > -(int64_t{1} << 53) && i->small < (int64_t{1} << 53)) {
    double a = static_cast<double>(i->small);
    return a < d ? -1 : a > d ? 1 : 0;
  }
  double whole = std::trunc(d);
  int c = i->as_big().compare(BigInt::from_double(whole));
  if (c != 0) return c;
  double frac = d - whole;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

Object* number_compare(Interp& in, Object* a, Object* b, int op) {
  bool ai = is_int(in, a), bi = is_int(in, b);
  if (ai && bi) {
    auto *x = as_int(a), *y = as_int(b);
    int c;
    if (!x->big && !y->big) {
      c = x->small < y->small ? -1 : x->small > y->small ? 1 : 0;
    } else {
      c = x->as_big().compare(y->as_big());
    }
    return new_bool(in, apply_cmp(c, op));
  }
  bool af = is_float(in, a), bf = is_float(in, b);
  if ((af || ai) && (bf || bi)) {
    if (af && bf) {
      double x = static_cast<FloatObj*>(a)->value, y = static_cast<FloatObj*>(b)->value;
      bool r = false;
      switch (op) {
        case kLt: r = x < y; break;
        case kLe: r = x <= y; break;
        case kEq: r = x == y; break;
        case kNe: r = x != y; break;
        case kGt: r = x > y; break;
        default: r = x >= y; break;
      }
      return new_bool(in, r);
    }
    double d = af ? static_cast<FloatObj*>(a)->value : static_cast<FloatObj*>(b)->value;
    if (std::isnan(d)) return new_bool(in, op == kNe);
    int c = compare_int_double(as_int(ai ? a : b), d);
    if (!ai) c = -c;
    return new_bool(in, apply_cmp(c, op));
  }
  bool ac = is_type(a, in.t.complex), bc = is_type(b, in.t.complex);
  if ((ac || af || ai) && (bc || bf || bi) && (op == kEq || op == kNe)) {
    auto parts = [&](Object* o, double& re, double& im) {
      im = 0;
      if (is_type(o, in.t.complex)) {
        re = static_cast<ComplexObj*>(o)->real;
        im = static_cast<ComplexObj*>(o)->imag;
      } else {
        bool ok;
        re = float_value(in, o, &ok);
        if (!ok) in.clear_error();
      }
    };
    double ar, aim, br, bim;
    parts(a, ar, aim);
    parts(b, br, bim);
    bool eq = ar == br && aim == bim;
    return new_bool(in, (op == kEq) == eq);
  }
  return incref(in.NotImplemented);
}

// ---- int arithmetic -------------------------------------------------------------------

Object* float_binop_values(Interp& in, double x, double y, int op);
Object* complex_binop_values(Interp& in, std::complex<double> x, std::complex<double> y, int op);

Object* int_from_bool_result(Interp& in, Object* a, Object* b, int op, BigInt r) {
  // bool & bool etc. stay bool.
  if (a->type == in.t.bool_ && b->type == in.t.bool_ && (op == kAnd || op == kOr || op == kXor)) {
    return new_bool(in, !r.is_zero());
  }
  return new_int(in, std::move(r));
}

constexpr uint64_t kMaxBits = uint64_t{1} << 32;  // ~4 GiB of digits: MemoryError beyond

Object* int_binop(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  auto *x = as_int(a), *y = as_int(b);
  if (!x->big && !y->big) {
    int64_t p = x->small, q = y->small, r;
    switch (base) {
      case kAdd:
        if (!__builtin_add_overflow(p, q, &r)) return new_int(in, r);
        break;
      case kSub:
        if (!__builtin_sub_overflow(p, q, &r)) return new_int(in, r);
        break;
      case kMul:
        if (!__builtin_mul_overflow(p, q, &r)) return new_int(in, r);
        break;
      case kFloorDiv:
      case kRem:
        if (q == 0) break;
        if (p == INT64_MIN && q == -1) break;
        {
          int64_t d = p / q, m = p % q;
          if (m != 0 && ((m < 0) != (q < 0))) {
            m += q;
            d -= 1;
          }
          return new_int(in, base == kFloorDiv ? d : m);
        }
      case kRshift:
        if (q >= 0) return new_int(in, q >= 63 ? (p < 0 ? -1 : 0) : p >> q);
        break;
      case kLshift:
        // |p| (as unsigned: INT64_MIN has no positive int64) must leave
        // room for the shift.
        if (q >= 0 && q < 62 &&
            (p == 0 || (p < 0 ? 0 - static_cast<uint64_t>(p) : static_cast<uint64_t>(p)) < (uint64_t{1} << (62 - q)))) {
          return new_int(in, static_cast<int64_t>(static_cast<uint64_t>(p) << q));
        }
        break;
      case kAnd:
      case kOr:
      case kXor:
        if (a->type == in.t.int_ && b->type == in.t.int_) {
          return new_int(in, base == kAnd ? p & q : base == kOr ? p | q : p ^ q);
        }
        return int_from_bool_result(in, a, b, base, BigInt(base == kAnd ? p & q : base == kOr ? p | q : p ^ q));
      default: break;
    }
  }
  BigInt p = x->as_big(), q = y->as_big();
  switch (base) {
    case kAdd: return new_int(in, p + q);
    case kSub: return new_int(in, p - q);
    case kMul:
      if (p.bit_length() + q.bit_length() > kMaxBits) return in.raise(in.t.MemoryError, "");
      return new_int(in, p * q);
    case kFloorDiv:
    case kRem: {
      if (q.is_zero()) {
        return in.raise(in.t.ZeroDivisionError, base == kRem ? "integer modulo by zero"
                                                             : "integer division or modulo by zero");
      }
      BigInt d, m;
      BigInt::divmod(p, q, d, m);
      return new_int(in, base == kFloorDiv ? d : m);
    }
    case kTrueDiv: {
      if (q.is_zero()) return in.raise(in.t.ZeroDivisionError, "division by zero");
      if (!x->big && !y->big && std::abs(x->small) < (int64_t{1} << 53) &&
          std::abs(y->small) < (int64_t{1} << 53)) {
        return new_float(in, static_cast<double>(x->small) / static_cast<double>(y->small));
      }
      bool overflow = false;
      double r = BigInt::true_divide(p, q, &overflow);
      if (overflow) {
        return in.raise(in.t.OverflowError, "integer division result too large for a float");
      }
      return new_float(in, r);
    }
    case kPow: {
      if (q.negative()) {
        bool o1 = false, o2 = false;
        double fp = p.to_double(&o1), fq = q.to_double(&o2);
        if (o1 || o2) return in.raise(in.t.OverflowError, "int too large to convert to float");
        return float_binop_values(in, fp, fq, kPow);
      }
      if (p.is_zero() || p == BigInt(1)) return new_int(in, q.is_zero() ? BigInt(1) : p);
      if (p == BigInt(-1)) return new_int(in, q.to_string().back() % 2 ? BigInt(-1) : BigInt(1));
      if (!q.fits_int64() || static_cast<double>(p.bit_length()) * static_cast<double>(q.to_int64()) >
                                 static_cast<double>(kMaxBits)) {
        return in.raise(in.t.MemoryError, "");
      }
      return new_int(in, p.pow(static_cast<uint64_t>(q.to_int64())));
    }
    case kLshift:
    case kRshift: {
      if (q.negative()) return in.raise(in.t.ValueError, "negative shift count");
      if (base == kRshift) {
        if (!q.fits_int64() || q.to_int64() > (1 << 30)) return new_int(in, p.negative() ? -1 : 0);
        return new_int(in, p.shift_right(static_cast<uint64_t>(q.to_int64())));
      }
      if (p.is_zero()) return new_int(in, 0);
      if (!q.fits_int64() || static_cast<uint64_t>(q.to_int64()) + p.bit_length() > kMaxBits) {
        return in.raise(in.t.OverflowError, "too many digits in integer");
      }
      return new_int(in, p.shift_left(static_cast<uint64_t>(q.to_int64())));
    }
    case kAnd: return int_from_bool_result(in, a, b, base, p & q);
    case kOr: return int_from_bool_result(in, a, b, base, p | q);
    case kXor: return int_from_bool_result(in, a, b, base, p ^ q);
    default: return incref(in.NotImplemented);
  }
}

// ---- float arithmetic -----------------------------------------------------------------

Object* float_binop_values(Interp& in, double x, double y, int base) {
  switch (base) {
    case kAdd: return new_float(in, x + y);
    case kSub: return new_float(in, x - y);
    case kMul: return new_float(in, x * y);
    case kTrueDiv:
      if (y == 0) return in.raise(in.t.ZeroDivisionError, "float division by zero");
      return new_float(in, x / y);
    case kFloorDiv:
      if (y == 0) return in.raise(in.t.ZeroDivisionError, "float floor division by zero");
      return new_float(in, num::float_floordiv(x, y));
    case kRem:
      if (y == 0) return in.raise(in.t.ZeroDivisionError, "float modulo");
      return new_float(in, num::float_mod(x, y));
    case kPow: {
      double r;
      switch (num::float_pow(x, y, &r)) {
        case num::PowResult::kOk: return new_float(in, r);
        case num::PowResult::kComplex: return complex_binop_values(in, {x, 0}, {y, 0}, kPow);
        case num::PowResult::kZeroNegative:
          return in.raise(in.t.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        case num::PowResult::kOverflow: {
          Object* args = new_tuple(in, {new_int(in, 34), new_str(in, "Numerical result out of range")});
          return in.raise_obj(new_exception(in, in.t.OverflowError, args));
        }
      }
      return nullptr;
    }
    default: return incref(in.NotImplemented);
  }
}

Object* float_binop(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  if (is_type(a, in.t.complex) || is_type(b, in.t.complex)) return incref(in.NotImplemented);
  if (!(is_float(in, a) || is_int(in, a)) || !(is_float(in, b) || is_int(in, b))) {
    return incref(in.NotImplemented);
  }
  bool ok;
  double x = float_value(in, a, &ok);
  if (!ok) return nullptr;
  double y = float_value(in, b, &ok);
  if (!ok) return nullptr;
  return float_binop_values(in, x, y, base);
}

Object* complex_binop_values(Interp& in, std::complex<double> x, std::complex<double> y,
                             int base) {
  num::Complex a{x.real(), x.imag()}, b{y.real(), y.imag()}, r;
  switch (base) {
    case kAdd: r = num::c_sum(a, b); break;
    case kSub: r = num::c_diff(a, b); break;
    case kMul: r = num::c_prod(a, b); break;
    case kTrueDiv:
      if (!num::c_quot(a, b, &r)) return in.raise(in.t.ZeroDivisionError, "complex division by zero");
      break;
    case kPow: {
      int ok = num::c_pow(a, b, &r);
      if (ok == 0) return in.raise(in.t.ZeroDivisionError, "0.0 to a negative or complex power");
      if (ok < 0) return in.raise(in.t.OverflowError, "complex exponentiation");
      break;
    }
    default: return incref(in.NotImplemented);
  }
  return new_complex(in, r.re, r.im);
}

Object* complex_binop(Interp& in, Object* a, Object* b, int op) {
  int base = op >= kInplace ? op - kInplace : op;
  auto parts = [&](Object* o, std::complex<double>& out) {
    if (is_type(o, in.t.complex)) {
      out = {static_cast<ComplexObj*>(o)->real, static_cast<ComplexObj*>(o)->imag};
      return true;
    }
    if (is_float(in, o) || is_int(in, o)) {
      bool ok;
      out = {float_value(in, o, &ok), 0};
      return ok;
    }
    return false;
  };
  std::complex<double> x, y;
  if (!parts(a, x) || !parts(b, y)) {
    if (in.error()) return nullptr;
    return incref(in.NotImplemented);
  }
  if (base == kFloorDiv || base == kRem) {
    return in.raise(in.t.TypeError, std::string("unsupported operand type(s) for ") +
                                        (base == kRem ? "%" : "//") + ": '" + type_name(a) +
                                        "' and '" + type_name(b) + "'");
  }
  return complex_binop_values(in, x, y, base);
}

Object* number_binop(Interp& in, Object* a, Object* b, int op) {
  if (is_int(in, a) && is_int(in, b)) return int_binop(in, a, b, op);
  if (is_type(a, in.t.complex) || is_type(b, in.t.complex)) return complex_binop(in, a, b, op);
  return float_binop(in, a, b, op);
}

// ---- unary ------------------------------------------------------------------------------

Object* int_neg(Interp& in, Object* o) {
  auto* i = as_int(o);
  if (!i->big && i->small != INT64_MIN) return new_int(in, -i->small);
  return new_int(in, -i->as_big());
}
Object* int_pos(Interp& in, Object* o) {
  if (is_exact(o, in.t.int_)) return incref(o);
  return new_int(in, as_int(o)->as_big());
}
Object* int_invert(Interp& in, Object* o) {
  auto* i = as_int(o);
  if (!i->big) return new_int(in, ~i->small);
  return new_int(in, ~i->value);
}
Object* int_abs(Interp& in, Object* o) {
  auto* i = as_int(o);
  bool negative = i->big ? i->value.negative() : i->small < 0;
  return negative ? int_neg(in, o) : int_pos(in, o);
}
int int_truth(Interp&, Object* o) {
  auto* i = as_int(o);
  return i->big ? 1 : i->small != 0;
}

Object* float_neg(Interp& in, Object* o) { return new_float(in, -static_cast<FloatObj*>(o)->value); }
Object* float_pos(Interp& in, Object* o) {
  return is_exact(o, in.t.float_) ? incref(o) : new_float(in, static_cast<FloatObj*>(o)->value);
}
Object* float_abs(Interp& in, Object* o) {
  return new_float(in, std::fabs(static_cast<FloatObj*>(o)->value));
}
int float_truth(Interp&, Object* o) { return static_cast<FloatObj*>(o)->value != 0; }

Object* complex_neg(Interp& in, Object* o) {
  auto* c = static_cast<ComplexObj*>(o);
  return new_complex(in, -c->real, -c->imag);
}
Object* complex_pos(Interp&, Object* o) { return incref(o); }
Object* complex_abs(Interp& in, Object* o) {
  auto* c = static_cast<ComplexObj*>(o);
  double r = std::hypot(c->real, c->imag);
  if (std::isinf(r) && std::isfinite(c->real) && std::isfinite(c->imag)) {
    return in.raise(in.t.OverflowError, "absolute value too large");
  }
  return new_float(in, r);
}
int complex_truth(Interp&, Object* o) {
  auto* c = static_cast<ComplexObj*>(o);
  return c->real != 0 || c->imag != 0;
}

// ---- constructors ----------------------------------------------------------------------

Object* int_from_float(Interp& in, double d) {
  if (std::isinf(d)) return in.raise(in.t.OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) return in.raise(in.t.ValueError, "cannot convert float NaN to integer");
  if (std::fabs(d) < 9e18) return new_int(in, static_cast<int64_t>(d));
  return new_int(in, BigInt::from_double(d));
}

Object* text_of(Interp& in, Object* o, std::string* text) {
  if (is_type(o, in.t.str)) {
    *text = utf8(o);
    return o;
  }
  if (is_type(o, in.t.bytes)) {
    *text = static_cast<BytesObj*>(o)->s;
    return o;
  }
  return nullptr;
}

Object* int_create(Interp& in, Type* type, const Args& args) {
  Object* a[2];
  if (!parse_args(in, "int", args, {"", "base"}, 0, a, 1)) return nullptr;
  Object* r = nullptr;
  if (!a[0]) {
    if (a[1]) return in.raise(in.t.TypeError, "int() missing string argument");
    r = new_int(in, 0);
  } else if (a[1]) {
    int64_t base;
    if (!index_value(in, a[1], &base)) return nullptr;
    std::string text;
    if (!text_of(in, a[0], &text)) {
      return in.raise(in.t.TypeError, "int() can't convert non-string with explicit base");
    }
    if (base != 0 && (base < 2 || base > 36)) {
      return in.raise(in.t.ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    std::string err;
    auto v = num::int_from_string(text, static_cast<int>(base), &err);
    if (!v) return in.raise(in.t.ValueError, err);
    r = new_int(in, std::move(*v));
  } else if (is_int(in, a[0])) {
    r = new_int(in, int_value(a[0]));
  } else if (is_float(in, a[0])) {
    r = int_from_float(in, static_cast<FloatObj*>(a[0])->value);
  } else if (std::string text; text_of(in, a[0], &text)) {
    std::string err;
    auto v = num::int_from_string(text, 10, &err);
    if (!v) return in.raise(in.t.ValueError, err);
    r = new_int(in, std::move(*v));
  } else if (Object* m = type_lookup(in, a[0]->type, "__int__")) {
    r = call1(in, m, a[0]);
  } else if (Object* m2 = type_lookup(in, a[0]->type, "__index__")) {
    r = call1(in, m2, a[0]);
  } else if (Object* m3 = type_lookup(in, a[0]->type, "__trunc__")) {
    r = call1(in, m3, a[0]);
  } else {
    return in.raise(in.t.TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not '" +
                        type_name(a[0]) + "'");
  }
  if (!r || type == in.t.int_) return r;
  auto* o = in.alloc<IntObj>(type);
  o->big = as_int(r)->big;
  o->small = as_int(r)->small;
  o->value = as_int(r)->value;
  decref(r);
  return o;
}

Object* bool_create(Interp& in, Type*, const Args& args) {
  Object* a[1];
  if (!no_kwargs(in, "bool", args)) return nullptr;
  if (!parse_args(in, "bool", args, {""}, 0, a, 1)) return nullptr;
  if (!a[0]) return new_bool(in, false);
  int t = truth(in, a[0]);
  if (t < 0) return nullptr;
  return new_bool(in, t);
}

Object* float_create(Interp& in, Type* type, const Args& args) {
  Object* a[1];
  if (!no_kwargs(in, "float", args)) return nullptr;
  if (!parse_args(in, "float", args, {""}, 0, a, 1)) return nullptr;
  double v = 0;
  if (a[0]) {
    std::string text;
    if (is_type(a[0], in.t.str)) {
      std::string err;
      auto d = num::float_from_string(utf8(a[0]), &err);
      if (!d) return in.raise(in.t.ValueError, err);
      v = *d;
    } else {
      bool ok;
      v = float_value(in, a[0], &ok);
      if (!ok) {
        if (in.matches(in.t.TypeError)) {
          in.clear_error();
          return in.raise(in.t.TypeError, "float() argument must be a string or a real number, not '" +
                                              type_name(a[0]) + "'");
        }
        return nullptr;
      }
    }
  }
  if (type == in.t.float_) return new_float(in, v);
  auto* o = in.alloc<FloatObj>(type);
  o->value = v;
  return o;
}

Object* complex_create(Interp& in, Type*, const Args& args) {
  Object* a[2];
  if (!parse_args(in, "complex", args, {"real", "imag"}, 0, a)) return nullptr;
  double re = 0, im = 0;
  auto add = [&](Object* o, double scale_re, bool imag_part) {
    if (is_type(o, in.t.complex)) {
      auto* c = static_cast<ComplexObj*>(o);
      if (imag_part) {
        re -= c->imag;
        im += c->real;
      } else {
        re += c->real;
        im += c->imag;
      }
      return true;
    }
    bool ok;
    double d = float_value(in, o, &ok);
    if (!ok) return false;
    (imag_part ? im : re) += d * scale_re;
    return true;
  };
  if (a[0] && !add(a[0], 1, false)) return nullptr;
  if (a[1] && !add(a[1], 1, true)) return nullptr;
  return new_complex(in, re, im);
}

// ---- methods --------------------------------------------------------------------------------

// int.__index__(): the int itself (a bool gives its int value).
Object* int_index(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__index__", args, 0, 0)) return nullptr;
  if (self->type == in.t.int_) return incref(self);
  return new_int(in, static_cast<IntObj*>(self)->as_big());
}

Object* int_bit_length(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "bit_length", args, 0, 0)) return nullptr;
  return new_int(in, static_cast<int64_t>(as_int(self)->as_big().bit_length()));
}

Object* int_bit_count(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "bit_count", args, 0, 0)) return nullptr;
  std::string bits = as_int(self)->as_big().abs().to_string(2);
  int64_t n = 0;
  for (char c : bits) n += c == '1';
  return new_int(in, n);
}

Object* int_conjugate(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "conjugate", args, 0, 0)) return nullptr;
  return new_int(in, int_value(self));
}

Object* number_format(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "__format__", args, 1, 1)) return nullptr;
  Object* spec = args.items[0];
  if (!is_type(spec, in.t.str)) {
    return in.raise(in.t.TypeError, "__format__() argument must be str, not " + type_name(spec));
  }
  std::string err;
  std::optional<std::string> r;
  std::string s = utf8(spec);
  if (self->type == in.t.bool_ && s.empty()) return str(in, self);
  if (is_int(in, self)) {
    r = format_int(int_value(self), s, &err);
  } else if (is_float(in, self)) {
    r = format_float(static_cast<FloatObj*>(self)->value, s, &err);
  } else {
    if (s.empty()) return str(in, self);
    return in.raise(in.t.ValueError, "Unknown format code for complex");
  }
  if (!r) {
    if (err.rfind("OverflowError:", 0) == 0) {
      return in.raise(in.t.OverflowError, err.substr(15));
    }
    return in.raise(in.t.ValueError, err);
  }
  return new_str(in, *r);
}

Object* float_is_integer(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "is_integer", args, 0, 0)) return nullptr;
  double v = static_cast<FloatObj*>(self)->value;
  return new_bool(in, std::isfinite(v) && v == std::floor(v));
}

Object* float_as_integer_ratio(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "as_integer_ratio", args, 0, 0)) return nullptr;
  double v = static_cast<FloatObj*>(self)->value;
  if (std::isinf(v)) return in.raise(in.t.OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(v)) return in.raise(in.t.ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(v, &e);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2;
    --e;
  }
  BigInt num = BigInt::from_double(m), den(1);
  if (e > 0) {
    num = num.shift_left(static_cast<uint64_t>(e));
  } else {
    den = den.shift_left(static_cast<uint64_t>(-e));
  }
  return new_tuple(in, {new_int(in, num), new_int(in, den)});
}

Object* complex_conjugate(Interp& in, Object* self, const Args& args) {
  if (!arg_count(in, "conjugate", args, 0, 0)) return nullptr;
  auto* c = static_cast<ComplexObj*>(self);
  return new_complex(in, c->real, -c->imag);
}

Object* number_getattr(Interp& in, Object* o, StrObj* name) {
  std::u32string_view n = name->s;
  if (is_type(o, in.t.complex)) {
    auto* c = static_cast<ComplexObj*>(o);
    if (n == U"real") return new_float(in, c->real);
    if (n == U"imag") return new_float(in, c->imag);
  } else if (is_float(in, o)) {
    if (n == U"real") return new_float(in, static_cast<FloatObj*>(o)->value);
    if (n == U"imag") return new_float(in, 0.0);
  } else {
    if (n == U"real" || n == U"numerator") return new_int(in, int_value(o));
    if (n == U"imag") return new_int(in, 0);
    if (n == U"denominator") return new_int(in, 1);
  }
  Object* r = generic_lookup(in, o, name);
  if (r || in.error()) return r;
  return in.raise(in.t.AttributeError,
                  "'" + type_name(o) + "' object has no attribute '" + utf8(name) + "'");
}

}  // namespace

// The int arithmetic of BINARY_OP when both operands are exact ints.
Object* int_binary_op(Interp& in, Object* a, Object* b, int op) { return int_binop(in, a, b, op); }

void init_number_types(Interp& in) {
  Type* t = in.t.int_;
  t->repr = int_repr;
  t->hash = int_hash;
  t->richcompare = number_compare;
  t->binop = number_binop;
  t->neg = int_neg;
  t->pos = int_pos;
  t->invert = int_invert;
  t->absval = int_abs;
  t->truth = int_truth;
  t->create = int_create;
  t->getattr = number_getattr;
  add_method(in, t, "bit_length", int_bit_length);
  add_method(in, t, "__index__", int_index);
  add_method(in, t, "bit_count", int_bit_count);
  add_method(in, t, "conjugate", int_conjugate);
  add_method(in, t, "__format__", number_format);

  Type* b = in.t.bool_;
  b->repr = bool_repr;
  b->hash = int_hash;
  b->richcompare = number_compare;
  b->binop = number_binop;
  b->neg = int_neg;
  b->pos = int_pos;
  b->invert = int_invert;
  b->absval = int_abs;
  b->truth = int_truth;
  b->create = bool_create;
  b->getattr = number_getattr;
  b->basetype = false;

  Type* f = in.t.float_;
  f->repr = float_repr_obj;
  f->hash = float_hash;
  f->richcompare = number_compare;
  f->binop = number_binop;
  f->neg = float_neg;
  f->pos = float_pos;
  f->absval = float_abs;
  f->truth = float_truth;
  f->create = float_create;
  f->getattr = number_getattr;
  add_method(in, f, "is_integer", float_is_integer);
  add_method(in, f, "as_integer_ratio", float_as_integer_ratio);
  add_method(in, f, "__format__", number_format);

  Type* c = in.t.complex;
  c->repr = complex_repr;
  c->hash = complex_hash;
  c->richcompare = number_compare;
  c->binop = number_binop;
  c->neg = complex_neg;
  c->pos = complex_pos;
  c->absval = complex_abs;
  c->truth = complex_truth;
  c->create = complex_create;
  c->getattr = number_getattr;
  add_method(in, c, "conjugate", complex_conjugate);
  add_method(in, c, "__format__", number_format);
}

Object* int_from_double(Interp& in, double d) { return int_from_float(in, d); }

}  // namespace pylife::runtime
