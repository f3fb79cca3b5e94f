// Objects/floatobject.c (float_rem, _float_div_mod, double_round,
// float_round) and the string conversions of float() / int() in CPython
// 3.11 (Objects/floatobject.c float_from_string_inner, Python/pystrtod.c,
// _PyUnicode_TransformDecimalAndSpaceToASCII).
#include "pylife/numbers.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "pylife/unicode.h"

namespace pylife::num {

namespace {

// Unicode decimal digits become ASCII digits and Unicode whitespace a
// space; any other non-ASCII character becomes '?' (so parsing fails).
std::string to_ascii(std::string_view utf8) {
  std::string out;
  for (char32_t c : unicode::decode_utf8(utf8)) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (unicode::is_space(c)) {
      out += ' ';
    } else if (int d = unicode::decimal_value(c); d >= 0) {
      out += static_cast<char>('0' + d);
    } else {
      out += '?';
    }
  }
  return out;
}

bool space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

}  // namespace

void float_divmod(double vx, double wx, double& floordiv, double& mod) {
  mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
}

double float_floordiv(double x, double y) {
  double q, r;
  float_divmod(x, y, q, r);
  return q;
}

double float_mod(double x, double y) {
  double mod = std::fmod(x, y);
  if (mod != 0) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return mod;
}

double round_float(double x, long ndigits) {
  constexpr long kMax = 323, kMin = -308;  // NDIGITS_MAX, NDIGITS_MIN
  if (!std::isfinite(x)) return x;
  if (ndigits > kMax) return x;
  if (ndigits < kMin) return 0.0 * x;
  if (x == 0) return x;
  // The exact decimal expansion of x, rounded half to even at ndigits.
  std::vector<char> buf(1200);
  std::snprintf(buf.data(), buf.size(), "%.1100f", std::fabs(x));
  std::string text = buf.data();
  size_t dot = text.find('.');
  std::string digits = text.substr(0, dot) + text.substr(dot + 1);
  long int_len = static_cast<long>(dot);
  long keep = int_len + ndigits;  // digits kept from the left
  std::string kept;
  bool round_up = false;
  if (keep < 0) {
    kept = "0";
    keep = 0;
  } else if (keep >= static_cast<long>(digits.size())) {
    kept = digits;
  } else {
    kept = digits.substr(0, static_cast<size_t>(keep));
    char next = digits[static_cast<size_t>(keep)];
    bool rest_nonzero =
        digits.find_first_not_of('0', static_cast<size_t>(keep) + 1) != std::string::npos;
    int last = kept.empty() ? 0 : kept.back() - '0';
    round_up = next > '5' || (next == '5' && (rest_nonzero || (last & 1)));
  }
  if (kept.empty()) kept = "0";
  if (round_up) {
    int i = static_cast<int>(kept.size()) - 1;
    while (i >= 0 && kept[static_cast<size_t>(i)] == '9') kept[static_cast<size_t>(i--)] = '0';
    if (i < 0) {
      kept.insert(kept.begin(), '1');
      ++int_len;
      ++keep;
    } else {
      ++kept[static_cast<size_t>(i)];
    }
  }
  // value = kept * 10**(int_len - keep)
  std::string number = std::string(x < 0 ? "-" : "") + kept + "e" + std::to_string(int_len - keep);
  return std::strtod(number.c_str(), nullptr);
}

std::optional<BigInt> round_float_to_int(double x, std::string* error) {
  if (std::isnan(x)) {
    if (error) *error = "cannot convert float NaN to integer";
    return std::nullopt;
  }
  if (std::isinf(x)) {
    if (error) *error = "OverflowError:cannot convert float infinity to integer";
    return std::nullopt;
  }
  double rounded = std::round(x);
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
  return BigInt::from_double(rounded);
}

std::optional<double> float_from_string(std::string_view utf8, std::string* error) {
  auto fail = [&]() -> std::optional<double> {
    if (error) {
      *error = "could not convert string to float: " + unicode::repr_str(utf8);
    }
    return std::nullopt;
  };
  std::string s = to_ascii(utf8);
  size_t i = 0, n = s.size();
  while (i < n && space(s[i])) ++i;
  while (n > i && space(s[n - 1])) --n;
  std::string t = s.substr(i, n - i);
  if (t.empty()) return fail();
  size_t p = 0;
  bool negative = false;
  if (t[p] == '+' || t[p] == '-') negative = t[p++] == '-';
  std::string rest = t.substr(p);
  std::string lower;
  for (char c : rest) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "inf" || lower == "infinity") return negative ? -HUGE_VAL : HUGE_VAL;
  if (lower == "nan") return negative ? -std::nan("") : std::nan("");
  // Digits with single underscores between them; '.' and an exponent.
  std::string clean;
  bool digits = false, exp_digits = false, in_exp = false;
  char prev = 0;
  for (size_t k = 0; k < rest.size(); ++k) {
    char c = rest[k];
    if (c >= '0' && c <= '9') {
      (in_exp ? exp_digits : digits) = true;
      clean += c;
    } else if (c == '_') {
      if (!(prev >= '0' && prev <= '9') || k + 1 >= rest.size() ||
          !(rest[k + 1] >= '0' && rest[k + 1] <= '9')) {
        return fail();
      }
    } else if (c == '.' && !in_exp && clean.find('.') == std::string::npos) {
      clean += c;
    } else if ((c == 'e' || c == 'E') && !in_exp && digits) {
      in_exp = true;
      clean += 'e';
      if (k + 1 < rest.size() && (rest[k + 1] == '+' || rest[k + 1] == '-')) clean += rest[++k];
    } else {
      return fail();
    }
    prev = c;
  }
  if (!digits || (in_exp && !exp_digits)) return fail();
  double v = std::strtod(clean.c_str(), nullptr);
  return negative ? -v : v;
}

std::optional<BigInt> int_from_string(std::string_view utf8, int base, std::string* error) {
  std::string ascii = to_ascii(utf8);
  std::string message;
  auto v = BigInt::parse(ascii, base, &message);
  if (!v && error) {
    // The message quotes the caller's text, not the ASCII form.
    if (message.rfind("invalid literal", 0) == 0) {
      message = "invalid literal for int() with base " + std::to_string(base) + ": " +
                unicode::repr_str(utf8);
    }
    *error = message;
  }
  return v;
}

PowResult float_pow(double iv, double iw, double* out) {
  auto odd_integer = [](double v) { return std::fmod(std::fabs(v), 2.0) == 1.0; };
  if (iw == 0) {
    *out = 1.0;
    return PowResult::kOk;
  }
  if (std::isnan(iv)) {
    *out = iv;
    return PowResult::kOk;
  }
  if (std::isnan(iw)) {
    *out = iv == 1.0 ? 1.0 : iw;
    return PowResult::kOk;
  }
  if (std::isinf(iw)) {
    double a = std::fabs(iv);
    if (a == 1.0) *out = 1.0;
    else if ((iw > 0.0) == (a > 1.0)) *out = std::fabs(iw);
    else *out = 0.0;
    return PowResult::kOk;
  }
  if (std::isinf(iv)) {
    bool odd = odd_integer(iw);
    if (iw > 0.0) *out = odd ? iv : std::fabs(iv);
    else *out = odd ? std::copysign(0.0, iv) : 0.0;
    return PowResult::kOk;
  }
  if (iv == 0.0) {
    bool odd = odd_integer(iw);
    if (iw < 0.0) return PowResult::kZeroNegative;
    *out = odd ? iv : 0.0;
    return PowResult::kOk;
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) return PowResult::kComplex;
    iv = -iv;
    negate = odd_integer(iw);
  }
  if (iv == 1.0) {
    *out = negate ? -1.0 : 1.0;
    return PowResult::kOk;
  }
  double ix = std::pow(iv, iw);
  if (std::isinf(ix)) return PowResult::kOverflow;
  *out = negate ? -ix : ix;
  return PowResult::kOk;
}

Complex c_sum(Complex a, Complex b) { return {a.re + b.re, a.im + b.im}; }
Complex c_diff(Complex a, Complex b) { return {a.re - b.re, a.im - b.im}; }
Complex c_prod(Complex a, Complex b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

bool c_quot(Complex a, Complex b, Complex* out) {
  double abs_breal = b.re < 0 ? -b.re : b.re;
  double abs_bimag = b.im < 0 ? -b.im : b.im;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) return false;
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    *out = {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  } else if (abs_bimag >= abs_breal) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    *out = {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  } else {
    *out = {std::nan(""), std::nan("")};
  }
  return true;
}

namespace {

Complex c_powu(Complex x, long n) {
  Complex r{1, 0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

}  // namespace

int c_pow(Complex a, Complex b, Complex* out) {
  bool edom = false;
  Complex p;
  if (b.im == 0.0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100.0) {
    long n = static_cast<long>(b.re);
    if (n > 0) {
      p = c_powu(a, n);
    } else if (!c_quot({1, 0}, c_powu(a, -n), &p)) {
      edom = true;
    }
  } else if (b.re == 0.0 && b.im == 0.0) {
    p = {1, 0};
  } else if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) edom = true;
    p = {0, 0};
  } else {
    double vabs = std::hypot(a.re, a.im);
    double len = std::pow(vabs, b.re);
    double at = std::atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
      len /= std::exp(at * b.im);
      phase += b.im * std::log(vabs);
    }
    p = {len * std::cos(phase), len * std::sin(phase)};
  }
  if (edom) return 0;
  if (std::isinf(p.re) || std::isinf(p.im)) return -1;
  *out = p;
  return 1;
}

}  // namespace pylife::num
