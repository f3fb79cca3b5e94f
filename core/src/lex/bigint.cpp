// BigInt: sign and magnitude in base 2**32 limbs.  Schoolbook
// multiplication and Knuth's algorithm D for division; conversions follow
// CPython's Objects/longobject.c (PyLong_FromString, _PyLong_Frexp /
// PyLong_AsDouble rounding, long_true_divide, long_hash).
#include "pylife/bigint.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>

namespace pylife {

namespace {

using Limbs = std::vector<uint32_t>;

// Multiplies [mag] in place by [m] and adds [add].
void mul_add_small(Limbs& mag, uint32_t m, uint32_t add) {
  uint64_t carry = add;
  for (auto& limb : mag) {
    uint64_t v = static_cast<uint64_t>(limb) * m + carry;
    limb = static_cast<uint32_t>(v);
    carry = v >> 32;
  }
  if (carry) mag.push_back(static_cast<uint32_t>(carry));
}

// Divides [mag] in place by [d]; returns the remainder.
uint32_t div_small(Limbs& mag, uint32_t d) {
  uint64_t rem = 0;
  for (size_t i = mag.size(); i-- > 0;) {
    uint64_t cur = (rem << 32) | mag[i];
    mag[i] = static_cast<uint32_t>(cur / d);
    rem = cur % d;
  }
  while (!mag.empty() && mag.back() == 0) mag.pop_back();
  return static_cast<uint32_t>(rem);
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Python's repr() of a str holding ASCII-compatible [text].
std::string quote(std::string_view text) {
  bool single = text.find('\'') != std::string_view::npos;
  bool dbl = text.find('"') != std::string_view::npos;
  char q = single && !dbl ? '"' : '\'';
  std::string out(1, q);
  for (char c : text) {
    if (c == q || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out + q;
}

}  // namespace

BigInt::BigInt(int64_t value) {
  negative_ = value < 0;
  uint64_t mag = negative_ ? ~static_cast<uint64_t>(value) + 1 : static_cast<uint64_t>(value);
  while (mag) {
    mag_.push_back(static_cast<uint32_t>(mag));
    mag >>= 32;
  }
}

void BigInt::trim() {
  while (!mag_.empty() && mag_.back() == 0) mag_.pop_back();
  if (mag_.empty()) negative_ = false;
}

std::optional<BigInt> BigInt::parse(std::string_view text, int base, std::string* error) {
  auto fail = [&]() -> std::optional<BigInt> {
    if (error) {
      *error = "invalid literal for int() with base " + std::to_string(base) + ": " + quote(text);
    }
    return std::nullopt;
  };
  if (base != 0 && (base < 2 || base > 36)) {
    if (error) *error = "int() base must be >= 2 and <= 36, or 0";
    return std::nullopt;
  }
  size_t i = 0, n = text.size();
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (i < n && space(text[i])) ++i;
  while (n > i && space(text[n - 1])) --n;
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  int b = base;
  bool prefixed = false;
  if (i + 1 < n && text[i] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i + 1])));
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      b = pb;
      i += 2;
      prefixed = true;
    }
  }
  if (b == 0) b = 10;
  if (i >= n) return fail();
  // Base 0 refuses leading zeros in non-zero decimals ("010").
  bool leading_zero = base == 0 && !prefixed && text[i] == '0';
  BigInt result;
  bool any = false, last_underscore = prefixed;  // "0x_1" is allowed
  bool nonzero = false;
  for (; i < n; ++i) {
    char c = text[i];
    if (c == '_') {
      if (last_underscore && !(prefixed && !any)) return fail();
      if (!any && !prefixed) return fail();
      last_underscore = true;
      continue;
    }
    int d = digit_value(c);
    if (d >= b) return fail();
    mul_add_small(result.mag_, static_cast<uint32_t>(b), static_cast<uint32_t>(d));
    any = true;
    last_underscore = false;
    nonzero = nonzero || d != 0;
  }
  if (!any || last_underscore) return fail();
  if (leading_zero && nonzero) return fail();
  result.negative_ = negative;
  result.trim();
  return result;
}

BigInt BigInt::from_double(double value) {
  BigInt r;
  if (!std::isfinite(value)) return r;
  double t = std::trunc(std::fabs(value));
  int exp = 0;
  double m = std::frexp(t, &exp);  // t = m * 2**exp, 0.5 <= m < 1
  if (t == 0) return r;
  // 53 bits of mantissa as an integer, then shift.
  auto mant = static_cast<uint64_t>(std::ldexp(m, 53));
  r = BigInt(static_cast<int64_t>(mant));
  r = exp >= 53 ? r.shift_left(static_cast<uint64_t>(exp - 53))
                : r.shift_right(static_cast<uint64_t>(53 - exp));
  if (value < 0) r = -r;
  return r;
}

std::string BigInt::to_string(int base) const {
  if (is_zero()) return "0";
  std::string digits;
  Limbs mag = mag_;
  if (base == 10) {
    while (!mag.empty()) {
      uint32_t chunk = div_small(mag, 1000000000u);
      for (int k = 0; k < 9; ++k) {
        digits += static_cast<char>('0' + chunk % 10);
        chunk /= 10;
        if (mag.empty() && chunk == 0) break;
      }
    }
  } else {
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    BigInt v = abs();
    uint64_t total = v.bit_length();
    for (uint64_t pos = 0; pos < total; pos += static_cast<uint64_t>(bits)) {
      unsigned d = 0;
      for (int k = 0; k < bits; ++k) {
        uint64_t bit = pos + static_cast<uint64_t>(k);
        if (bit / 32 < mag.size() && ((mag[bit / 32] >> (bit % 32)) & 1)) d |= 1u << k;
      }
      digits += "0123456789abcdef"[d];
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (negative_) digits += '-';
  std::reverse(digits.begin(), digits.end());
  return digits;
}

bool BigInt::fits_int64() const {
  if (mag_.size() > 2) return false;
  uint64_t m = mag_.empty() ? 0 : mag_[0];
  if (mag_.size() == 2) m |= static_cast<uint64_t>(mag_[1]) << 32;
  return negative_ ? m <= (1ull << 63) : m < (1ull << 63);
}

int64_t BigInt::to_int64() const {
  uint64_t m = mag_.empty() ? 0 : mag_[0];
  if (mag_.size() >= 2) m |= static_cast<uint64_t>(mag_[1]) << 32;
  return negative_ ? static_cast<int64_t>(~m + 1) : static_cast<int64_t>(m);
}

uint64_t BigInt::bit_length() const {
  if (mag_.empty()) return 0;
  uint32_t top = mag_.back();
  int bits = 0;
  while (top) {
    ++bits;
    top >>= 1;
  }
  return (mag_.size() - 1) * 32 + static_cast<uint64_t>(bits);
}

double BigInt::to_double(bool* overflow) const {
  if (overflow) *overflow = false;
  uint64_t bits = bit_length();
  if (bits <= 63) {
    // Exact in 64 bits; the conversion rounds to nearest even.
    uint64_t m = mag_.empty() ? 0 : mag_[0];
    if (mag_.size() >= 2) m |= static_cast<uint64_t>(mag_[1]) << 32;
    double d = static_cast<double>(m);
    return negative_ ? -d : d;
  }
  // Keep 54 bits plus a sticky bit, round half to even by hand.
  uint64_t shift = bits - 55;
  BigInt top = abs().shift_right(shift);
  bool sticky = top.shift_left(shift).compare(abs()) != 0;
  uint64_t m = top.mag_[0] | (static_cast<uint64_t>(top.mag_.size() > 1 ? top.mag_[1] : 0) << 32);
  if (sticky) m |= 1;
  // m has 55 bits: round away the low 2 bits to 53.
  uint64_t low = m & 3;
  m >>= 2;
  if (low > 2 || (low == 2 && (m & 1))) ++m;
  double d = std::ldexp(static_cast<double>(m), static_cast<int>(shift + 2));
  if (std::isinf(d)) {
    if (overflow) *overflow = true;
  }
  return negative_ ? -d : d;
}

int64_t BigInt::hash() const {
  // CPython: sum of digits mod 2**61 - 1, computed on the magnitude.
  constexpr uint64_t kModulus = (1ull << 61) - 1;
  uint64_t x = 0;
  for (size_t i = mag_.size(); i-- > 0;) {
    // x = (x * 2**32 + limb) mod M, using 2**61 ≡ 1.
    for (int half = 1; half >= 0; --half) {
      uint32_t piece = half ? (mag_[i] >> 16) : (mag_[i] & 0xFFFF);
      x = ((x << 16) & kModulus) | (x >> (61 - 16));
      x += piece;
      if (x >= kModulus) x -= kModulus;
    }
  }
  auto result = static_cast<int64_t>(x);
  if (negative_) result = -result;
  if (result == -1) result = -2;
  return result;
}

int BigInt::compare_mag(const Limbs& a, const Limbs& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

int BigInt::compare(const BigInt& other) const {
  if (negative_ != other.negative_) return negative_ ? -1 : 1;
  int c = compare_mag(mag_, other.mag_);
  return negative_ ? -c : c;
}

Limbs BigInt::add_mag(const Limbs& a, const Limbs& b) {
  const Limbs& big = a.size() >= b.size() ? a : b;
  const Limbs& small = a.size() >= b.size() ? b : a;
  Limbs out(big.size() + 1);
  uint64_t carry = 0;
  for (size_t i = 0; i < big.size(); ++i) {
    uint64_t v = static_cast<uint64_t>(big[i]) + (i < small.size() ? small[i] : 0) + carry;
    out[i] = static_cast<uint32_t>(v);
    carry = v >> 32;
  }
  out[big.size()] = static_cast<uint32_t>(carry);
  while (!out.empty() && out.back() == 0) out.pop_back();
  return out;
}

Limbs BigInt::sub_mag(const Limbs& a, const Limbs& b) {
  Limbs out(a.size());
  int64_t borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    int64_t v = static_cast<int64_t>(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
    borrow = v < 0;
    out[i] = static_cast<uint32_t>(v + (borrow ? (1ll << 32) : 0));
  }
  while (!out.empty() && out.back() == 0) out.pop_back();
  return out;
}

BigInt BigInt::operator-() const {
  BigInt r = *this;
  if (!r.is_zero()) r.negative_ = !negative_;
  return r;
}

BigInt BigInt::abs() const {
  BigInt r = *this;
  r.negative_ = false;
  return r;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
  BigInt r;
  if (a.negative_ == b.negative_) {
    r.mag_ = BigInt::add_mag(a.mag_, b.mag_);
    r.negative_ = a.negative_;
  } else if (BigInt::compare_mag(a.mag_, b.mag_) >= 0) {
    r.mag_ = BigInt::sub_mag(a.mag_, b.mag_);
    r.negative_ = a.negative_;
  } else {
    r.mag_ = BigInt::sub_mag(b.mag_, a.mag_);
    r.negative_ = b.negative_;
  }
  r.trim();
  return r;
}

BigInt operator-(const BigInt& a, const BigInt& b) {
  return a + (-b);
}

BigInt operator*(const BigInt& a, const BigInt& b) {
  BigInt r;
  if (a.is_zero() || b.is_zero()) return r;
  r.mag_.assign(a.mag_.size() + b.mag_.size(), 0);
  for (size_t i = 0; i < a.mag_.size(); ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < b.mag_.size(); ++j) {
      uint64_t v = static_cast<uint64_t>(a.mag_[i]) * b.mag_[j] + r.mag_[i + j] + carry;
      r.mag_[i + j] = static_cast<uint32_t>(v);
      carry = v >> 32;
    }
    size_t k = i + b.mag_.size();
    while (carry) {
      uint64_t v = static_cast<uint64_t>(r.mag_[k]) + carry;
      r.mag_[k++] = static_cast<uint32_t>(v);
      carry = v >> 32;
    }
  }
  r.negative_ = a.negative_ != b.negative_;
  r.trim();
  return r;
}

// Knuth, TAOCP vol. 2, 4.3.1, Algorithm D (magnitudes, b non-zero).
void BigInt::divmod_mag(const Limbs& a, const Limbs& b, Limbs& q, Limbs& r) {
  if (compare_mag(a, b) < 0) {
    q.clear();
    r = a;
    return;
  }
  if (b.size() == 1) {
    q = a;
    uint32_t rem = div_small(q, b[0]);
    r.clear();
    if (rem) r.push_back(rem);
    return;
  }
  int s = 0;
  for (uint32_t top = b.back(); !(top & 0x80000000u); top <<= 1) ++s;
  auto shifted = [s](const Limbs& x, bool extra) {
    Limbs out(x.size() + (extra ? 1 : 0), 0);
    for (size_t i = 0; i < x.size(); ++i) {
      uint64_t v = static_cast<uint64_t>(x[i]) << s;
      out[i] |= static_cast<uint32_t>(v);
      if (i + 1 < out.size()) out[i + 1] |= static_cast<uint32_t>(v >> 32);
    }
    return out;
  };
  Limbs v = shifted(b, false);
  Limbs u = shifted(a, true);
  size_t n = v.size(), m = a.size() - n;
  q.assign(m + 1, 0);
  for (size_t j = m + 1; j-- > 0;) {
    uint64_t num = (static_cast<uint64_t>(u[j + n]) << 32) | u[j + n - 1];
    uint64_t qhat = num / v[n - 1];
    uint64_t rhat = num % v[n - 1];
    while (qhat > 0xFFFFFFFFull || qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2])) {
      --qhat;
      rhat += v[n - 1];
      if (rhat > 0xFFFFFFFFull) break;
    }
    int64_t borrow = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < n; ++i) {
      uint64_t p = qhat * v[i] + carry;
      carry = p >> 32;
      int64_t t = static_cast<int64_t>(u[i + j]) - static_cast<int64_t>(p & 0xFFFFFFFFull) - borrow;
      borrow = t < 0;
      u[i + j] = static_cast<uint32_t>(t);
    }
    int64_t t = static_cast<int64_t>(u[j + n]) - static_cast<int64_t>(carry) - borrow;
    u[j + n] = static_cast<uint32_t>(t);
    if (t < 0) {
      --qhat;
      uint64_t c = 0;
      for (size_t i = 0; i < n; ++i) {
        uint64_t sum = static_cast<uint64_t>(u[i + j]) + v[i] + c;
        u[i + j] = static_cast<uint32_t>(sum);
        c = sum >> 32;
      }
      u[j + n] = static_cast<uint32_t>(u[j + n] + c);
    }
    q[j] = static_cast<uint32_t>(qhat);
  }
  r.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    uint64_t lo = u[i] >> s;
    uint64_t hi = (s && i + 1 < u.size()) ? (static_cast<uint64_t>(u[i + 1]) << (32 - s)) : 0;
    r[i] = static_cast<uint32_t>(lo | hi);
  }
  while (!q.empty() && q.back() == 0) q.pop_back();
  while (!r.empty() && r.back() == 0) r.pop_back();
}

void BigInt::divmod(const BigInt& a, const BigInt& b, BigInt& quotient, BigInt& remainder) {
  BigInt q, r;
  divmod_mag(a.mag_, b.mag_, q.mag_, r.mag_);
  q.negative_ = a.negative_ != b.negative_;
  r.negative_ = a.negative_;
  q.trim();
  r.trim();
  // Floor semantics: adjust when the signs differ and there is a remainder.
  if (!r.is_zero() && a.negative_ != b.negative_) {
    q = q - BigInt(1);
    r = r + b;
  }
  quotient = std::move(q);
  remainder = std::move(r);
}

double BigInt::true_divide(const BigInt& a, const BigInt& b, bool* overflow) {
  if (overflow) *overflow = false;
  bool negative = a.negative_ != b.negative_;
  BigInt x = a.abs(), y = b.abs();
  if (x.is_zero()) return negative ? -0.0 : 0.0;
  if (x.bit_length() <= 53 && y.bit_length() <= 53) {
    double d = static_cast<double>(x.to_int64()) / static_cast<double>(y.to_int64());
    return negative ? -d : d;
  }
  // Q = floor(x * 2**s / y) with 55 or 56 bits; the exact quotient is
  // Q (+ a sticky fraction) * 2**-s.  Round Q once to the precision the
  // result has at its exponent (fewer bits when it is subnormal).
  auto diff = static_cast<int64_t>(x.bit_length()) - static_cast<int64_t>(y.bit_length());
  int64_t s = DBL_MANT_DIG + 2 - diff;
  if (s > 0) {
    x = x.shift_left(static_cast<uint64_t>(s));
  } else {
    y = y.shift_left(static_cast<uint64_t>(-s));
  }
  BigInt q, r;
  BigInt::divmod(x, y, q, r);
  bool sticky = !r.is_zero();
  auto qb = static_cast<int64_t>(q.bit_length());
  int64_t e = qb - 1 - s;  // the value lies in [2**e, 2**(e+1))
  int64_t precision = DBL_MANT_DIG;
  if (e < DBL_MIN_EXP - 1) precision = DBL_MANT_DIG - ((DBL_MIN_EXP - 1) - e);
  if (precision < 0) precision = 0;
  int64_t k = qb - precision;  // bits to drop (>= 2)
  BigInt kept = q.shift_right(static_cast<uint64_t>(k));
  BigInt rest = q - kept.shift_left(static_cast<uint64_t>(k));
  BigInt half = BigInt(1).shift_left(static_cast<uint64_t>(k - 1));
  int c = rest.compare(half);
  bool odd = !kept.is_zero() && (kept.mag_[0] & 1);
  if (c > 0 || (c == 0 && (sticky || odd))) kept = kept + BigInt(1);
  double m = static_cast<double>(kept.to_int64());  // at most 2**53: exact
  int64_t scale = k - s;
  double d = scale > 4000 ? HUGE_VAL : scale < -4000 ? 0.0 : std::ldexp(m, static_cast<int>(scale));
  if (std::isinf(d) && overflow) *overflow = true;
  return negative ? -d : d;
}

BigInt BigInt::pow(uint64_t exponent) const {
  BigInt result(1), base = *this;
  while (exponent) {
    if (exponent & 1) result = result * base;
    exponent >>= 1;
    if (exponent) base = base * base;
  }
  return result;
}

BigInt BigInt::pow_mod(const BigInt& base, const BigInt& exponent, const BigInt& mod) {
  BigInt q, result(1), b;
  BigInt::divmod(base, mod, q, b);
  BigInt::divmod(result, mod, q, result);
  uint64_t bits = exponent.bit_length();
  for (uint64_t i = 0; i < bits; ++i) {
    if ((exponent.mag_[i / 32] >> (i % 32)) & 1) BigInt::divmod(result * b, mod, q, result);
    BigInt::divmod(b * b, mod, q, b);
  }
  return result;
}

BigInt BigInt::shift_left(uint64_t bits) const {
  if (is_zero()) return *this;
  BigInt r;
  size_t limbs = bits / 32, s = bits % 32;
  r.mag_.assign(mag_.size() + limbs + 1, 0);
  for (size_t i = 0; i < mag_.size(); ++i) {
    uint64_t v = static_cast<uint64_t>(mag_[i]) << s;
    r.mag_[i + limbs] |= static_cast<uint32_t>(v);
    r.mag_[i + limbs + 1] |= static_cast<uint32_t>(v >> 32);
  }
  r.negative_ = negative_;
  r.trim();
  return r;
}

BigInt BigInt::shift_right(uint64_t bits) const {
  if (negative_) {
    // Floor: -((-x - 1) >> n) - 1
    BigInt t = (-*this) - BigInt(1);
    return -(t.shift_right(bits)) - BigInt(1);
  }
  BigInt r;
  size_t limbs = bits / 32, s = bits % 32;
  if (limbs >= mag_.size()) return r;
  r.mag_.assign(mag_.size() - limbs, 0);
  for (size_t i = limbs; i < mag_.size(); ++i) {
    uint64_t v = mag_[i] >> s;
    if (s && i + 1 < mag_.size()) v |= static_cast<uint64_t>(mag_[i + 1]) << (32 - s);
    r.mag_[i - limbs] = static_cast<uint32_t>(v);
  }
  r.trim();
  return r;
}

std::vector<uint32_t> BigInt::twos(size_t n) const {
  Limbs out(n, 0);
  std::copy(mag_.begin(), mag_.end(), out.begin());
  if (negative_) {
    uint64_t carry = 1;
    for (auto& limb : out) {
      uint64_t v = static_cast<uint64_t>(~limb) + carry;
      limb = static_cast<uint32_t>(v);
      carry = v >> 32;
    }
  }
  return out;
}

BigInt BigInt::from_twos(Limbs limbs) {
  BigInt r;
  bool negative = !limbs.empty() && (limbs.back() & 0x80000000u);
  if (negative) {
    uint64_t carry = 1;
    for (auto& limb : limbs) {
      uint64_t v = static_cast<uint64_t>(~limb) + carry;
      limb = static_cast<uint32_t>(v);
      carry = v >> 32;
    }
  }
  r.mag_ = std::move(limbs);
  r.negative_ = negative;
  r.trim();
  return r;
}

#define PYLIFE_BITWISE(op)                                 \
  BigInt operator op(const BigInt& a, const BigInt& b) {   \
    size_t n = std::max(a.mag_.size(), b.mag_.size()) + 1; \
    Limbs x = a.twos(n), y = b.twos(n);                    \
    for (size_t i = 0; i < n; ++i) x[i] = x[i] op y[i];    \
    return BigInt::from_twos(std::move(x));                \
  }
PYLIFE_BITWISE(&)
PYLIFE_BITWISE(|)
PYLIFE_BITWISE(^)
#undef PYLIFE_BITWISE

BigInt BigInt::operator~() const {
  return -*this - BigInt(1);
}

}  // namespace pylife
