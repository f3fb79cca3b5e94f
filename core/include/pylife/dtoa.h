// Float to decimal text as CPython does it (Python/pystrtod.c
// PyOS_double_to_string over David Gay's dtoa): shortest round-trip repr,
// and correctly rounded 'e', 'f', 'g' forms with their flags.  Built on
// the C library's correctly rounded printf/strtod, so it is the project's
// own code on every target (emscripten 3.1.6 has no float std::to_chars).
#pragma once

#include <string>

namespace pylife::dtoa {

// Significant digits of a finite double: value = 0.DIGITS x 10**decpt.
struct Digits {
  std::string digits;  // no trailing zeros ("0" for zero)
  int decpt = 0;
  bool negative = false;
};

// Mode 0: the shortest digits that read back as [value].
Digits shortest(double value);
// Mode 2: at most [n] significant digits, correctly rounded.
Digits significant(double value, int n);
// Mode 3: rounded to [n] digits after the decimal point.
Digits fixed(double value, int n);

enum Flags { kAlt = 1, kAddDot0 = 2, kNoNegZero = 4 };

// PyOS_double_to_string(value, code, precision, flags): code is one of
// e E f F g G r (r: repr, precision unused).
std::string double_to_string(double value, char code, int precision, int flags);

// repr() of a complex number: "2j", "(1+2j)", "(-0-1j)", "(nan+infj)".
std::string complex_repr(double re, double im);

}  // namespace pylife::dtoa
