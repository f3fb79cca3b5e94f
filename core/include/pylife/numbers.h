// Python's number semantics that are not plain C arithmetic: float floor
// division and modulo (sign of the divisor), float and complex powers,
// complex division, round() (correctly rounded, ties to even, on the exact
// binary value), float(str) and int(str) with Unicode digits and
// whitespace, as CPython 3.11.  Pure functions: the runtime computes with
// them and the compiler folds constants with them, so both agree.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pylife/bigint.h"

namespace pylife::num {

// divmod(x, y) for floats; y must not be 0 (ZeroDivisionError "float
// modulo" / "float floor division by zero" / "float divmod()").
void float_divmod(double x, double y, double& floor_div, double& mod);
double float_floordiv(double x, double y);
double float_mod(double x, double y);

// x ** y for floats (float_pow).  Returns kOk with [out]; kComplex when a
// negative base meets a fractional exponent (the result is complex);
// kZeroNegative ("0.0 cannot be raised to a negative power") or
// kOverflow ((34, 'Numerical result out of range')).
enum class PowResult { kOk, kComplex, kZeroNegative, kOverflow };
PowResult float_pow(double x, double y, double* out);

struct Complex {
  double re = 0, im = 0;
};
// Complex arithmetic as Objects/complexobject.c.  c_quot: false on a zero
// divisor ("complex division by zero").
Complex c_sum(Complex a, Complex b);
Complex c_diff(Complex a, Complex b);
Complex c_prod(Complex a, Complex b);
bool c_quot(Complex a, Complex b, Complex* out);
// complex_pow: 1 ok; 0 "0.0 to a negative or complex power"
// (ZeroDivisionError); -1 "complex exponentiation" (OverflowError).
int c_pow(Complex a, Complex b, Complex* out);

// round(x, ndigits) for floats.
double round_float(double x, long ndigits);
// round(x) for floats: nearest integer, ties to even; nullopt with
// CPython's message for infinities and NaN.
std::optional<BigInt> round_float_to_int(double x, std::string* error);

// float(text): whitespace, sign, underscores between digits, inf/nan,
// Unicode decimal digits; nullopt with CPython's ValueError message.
std::optional<double> float_from_string(std::string_view utf8, std::string* error);

// int(text, base) accepting Unicode decimal digits and whitespace.
std::optional<BigInt> int_from_string(std::string_view utf8, int base, std::string* error);

}  // namespace pylife::num
