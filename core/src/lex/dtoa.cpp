// PyOS_double_to_string's format_float_short, transcribed, over digit
// strings from the C library's correctly rounded conversions.
#include "pylife/dtoa.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace pylife::dtoa {

namespace {

// Digits and exponent of printf's "%.{n-1}e" of |value| (n significant digits).
Digits from_e(double mag, int n) {
  std::vector<char> buf(static_cast<size_t>(n) + 32);
  std::snprintf(buf.data(), buf.size(), "%.*e", n - 1, mag);
  std::string text = buf.data();
  size_t epos = text.find('e');
  Digits d;
  for (size_t i = 0; i < epos; ++i) {
    if (text[i] != '.') d.digits += text[i];
  }
  d.decpt = std::atoi(text.c_str() + epos + 1) + 1;
  return d;
}

void strip_zeros(Digits& d) {
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits == "0") d.decpt = 1;
}

bool reads_back(const std::string& digits, int decpt, double mag) {
  std::string text = "0." + digits + "e" + std::to_string(decpt);
  return std::strtod(text.c_str(), nullptr) == mag;
}

}  // namespace

Digits shortest(double value) {
  Digits out;
  out.negative = std::signbit(value);
  double mag = std::fabs(value);
  if (mag == 0) {
    out.digits = "0";
    out.decpt = 1;
    return out;
  }
  // The shortest length whose correctly rounded digits, or their
  // neighbour one unit away, read back: next to a power of two the
  // rounding interval is lopsided and the shortest string can be the
  // neighbour (as Gay's dtoa finds).
  for (int n = 1; n <= 17; ++n) {
    Digits d = from_e(mag, n);
    if (n == 17 || reads_back(d.digits, d.decpt, mag)) {
      d.negative = out.negative;
      strip_zeros(d);
      return d;
    }
    for (int dir : {1, -1}) {
      std::string s = d.digits;
      int decpt = d.decpt;
      int i = static_cast<int>(s.size()) - 1;
      if (dir > 0) {
        while (i >= 0 && s[static_cast<size_t>(i)] == '9') s[static_cast<size_t>(i--)] = '0';
        if (i < 0) {
          s = "1" + s.substr(0, s.size() - 1);
          ++decpt;
        } else {
          ++s[static_cast<size_t>(i)];
        }
      } else {
        while (i >= 0 && s[static_cast<size_t>(i)] == '0') s[static_cast<size_t>(i--)] = '9';
        if (i < 0) continue;
        --s[static_cast<size_t>(i)];
        if (s[0] == '0') continue;
      }
      if (reads_back(s, decpt, mag)) {
        Digits r{s, decpt, out.negative};
        strip_zeros(r);
        return r;
      }
    }
  }
  return out;  // not reached
}

Digits significant(double value, int n) {
  double mag = std::fabs(value);
  Digits d;
  if (mag == 0) {
    d.digits = "0";
    d.decpt = 1;
  } else {
    d = from_e(mag, n < 1 ? 1 : n);
  }
  d.negative = std::signbit(value);
  strip_zeros(d);
  return d;
}

Digits fixed(double value, int n) {
  double mag = std::fabs(value);
  std::vector<char> buf(static_cast<size_t>(n) + 350);
  std::snprintf(buf.data(), buf.size(), "%.*f", n, mag);
  std::string text = buf.data();
  size_t dot = text.find('.');
  std::string intpart = dot == std::string::npos ? text : text.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  std::string all = intpart + frac;
  int decpt = static_cast<int>(intpart.size());
  size_t first = all.find_first_not_of('0');
  Digits d;
  d.negative = std::signbit(value);
  if (first == std::string::npos) {
    d.digits = "0";
    d.decpt = 1;
    return d;
  }
  d.digits = all.substr(first);
  d.decpt = decpt - static_cast<int>(first);
  strip_zeros(d);
  return d;
}

std::string double_to_string(double value, char code, int precision, int flags) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  char fmt = upper ? static_cast<char>(code + 32) : code;
  if (std::isnan(value)) return upper ? "NAN" : "nan";
  if (std::isinf(value)) return std::string(value < 0 ? "-" : "") + (upper ? "INF" : "inf");

  Digits d;
  if (fmt == 'e') {
    ++precision;
    d = significant(value, precision);
  } else if (fmt == 'f') {
    d = fixed(value, precision);
  } else if (fmt == 'g') {
    if (precision == 0) precision = 1;
    d = significant(value, precision);
  } else {
    d = shortest(value);
  }
  bool alt = flags & kAlt;
  bool add_dot_0 = flags & kAddDot0;
  bool sign = d.negative;
  if (sign && (flags & kNoNegZero) && d.digits == "0") sign = false;

  int digits_len = static_cast<int>(d.digits.size());
  int decpt = d.decpt;
  int vdigits_end = digits_len;
  bool use_exp = false;
  switch (fmt) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f': vdigits_end = decpt + precision; break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    default:  // 'r'
      if (decpt <= -4 || decpt > 16) use_exp = true;
  }
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0) {
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
  } else {
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
  }

  std::string p;
  if (sign) p += '-';
  if (decpt <= 0) {
    p.append(static_cast<size_t>(decpt - vdigits_start), '0');
    p += '.';
    p.append(static_cast<size_t>(-decpt), '0');
  } else {
    p.append(static_cast<size_t>(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    p += d.digits.substr(0, static_cast<size_t>(decpt));
    p += '.';
    p += d.digits.substr(static_cast<size_t>(decpt));
  } else {
    p += d.digits;
  }
  if (digits_len < decpt) {
    p.append(static_cast<size_t>(decpt - digits_len), '0');
    p += '.';
    p.append(static_cast<size_t>(vdigits_end - decpt), '0');
  } else if (vdigits_end > digits_len) {
    p.append(static_cast<size_t>(vdigits_end - digits_len), '0');
  }
  if (!p.empty() && p.back() == '.' && !alt) p.pop_back();
  if (use_exp) {
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "%c%+.02d", upper ? 'E' : 'e', exp);
    p += ebuf;
  }
  return p;
}

std::string complex_repr(double re, double im) {
  if (re == 0 && !std::signbit(re)) return double_to_string(im, 'r', 0, 0) + "j";
  std::string imag = double_to_string(im, 'r', 0, 0);
  if (imag[0] != '-') imag = "+" + imag;
  return "(" + double_to_string(re, 'r', 0, 0) + imag + "j)";
}

}  // namespace pylife::dtoa
