// Python's number semantics that are not plain C arithmetic: float floor
// division and modulo (sign of the divisor), round() (correctly rounded,
// ties to even, on the exact binary value), float(str) and int(str) with
// Unicode digits and whitespace, as CPython 3.11.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pylife/bigint.h"

namespace pylife::runtime::num {

// divmod(x, y) for floats; y must not be 0 (ZeroDivisionError "float
// modulo" / "float floor division by zero" / "float divmod()").
void float_divmod(double x, double y, double& floor_div, double& mod);
double float_floordiv(double x, double y);
double float_mod(double x, double y);

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

}  // namespace pylife::runtime::num
