// Arbitrary-precision integers with CPython's int semantics: floor
// division and modulo, two's-complement bitwise operations on negative
// numbers, int(str, base) parsing rules, correctly rounded conversion and
// true division to float, and Python's hash.  Pure arithmetic, so it sits
// in the lowest layer: the compiler folds constants with it and the
// runtime's int objects use it beyond their inline small values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pylife {

class BigInt {
 public:
  BigInt() = default;
  BigInt(int64_t value);  // NOLINT: implicit, like Python's int from a small value

  // int(text, base): base 0 or 2..36, surrounding whitespace, sign, base
  // prefixes, underscores between digits.  On failure returns nullopt and
  // sets [error] to CPython's ValueError message.
  static std::optional<BigInt> parse(std::string_view text, int base, std::string* error);

  // Truncates a finite double toward zero (int(3.9) == 3).
  static BigInt from_double(double value);

  // Digits in [base] (2, 8, 10 or 16), '-' for negatives, no prefix.
  std::string to_string(int base = 10) const;

  bool is_zero() const { return mag_.empty(); }
  bool negative() const { return negative_; }
  int sign() const { return is_zero() ? 0 : negative_ ? -1 : 1; }
  bool fits_int64() const;
  int64_t to_int64() const;  // valid when fits_int64()
  // Nearest double (ties to even); [overflow] set when beyond DBL_MAX.
  double to_double(bool* overflow) const;
  // int.bit_length()
  uint64_t bit_length() const;
  // hash(int) of CPython (modulo 2**61 - 1; -1 becomes -2).
  int64_t hash() const;

  int compare(const BigInt& other) const;
  friend bool operator==(const BigInt& a, const BigInt& b) { return a.compare(b) == 0; }
  friend bool operator<(const BigInt& a, const BigInt& b) { return a.compare(b) < 0; }

  BigInt operator-() const;
  BigInt abs() const;
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  // Floor division and modulo (the sign of the divisor), as Python's
  // divmod; [b] must not be zero.
  static void divmod(const BigInt& a, const BigInt& b, BigInt& quotient, BigInt& remainder);
  // a / b correctly rounded; [overflow] when the result is beyond DBL_MAX.
  static double true_divide(const BigInt& a, const BigInt& b, bool* overflow);
  BigInt pow(uint64_t exponent) const;
  // pow(base, exp, mod) for exp >= 0, mod != 0 (result has mod's sign).
  static BigInt pow_mod(const BigInt& base, const BigInt& exponent, const BigInt& mod);
  BigInt shift_left(uint64_t bits) const;
  BigInt shift_right(uint64_t bits) const;  // floor, like Python's >>
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  BigInt operator~() const;

 private:
  void trim();
  static int compare_mag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
  static std::vector<uint32_t> add_mag(const std::vector<uint32_t>& a,
                                       const std::vector<uint32_t>& b);
  static std::vector<uint32_t> sub_mag(const std::vector<uint32_t>& a,
                                       const std::vector<uint32_t>& b);  // a >= b
  static void divmod_mag(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                         std::vector<uint32_t>& q, std::vector<uint32_t>& r);
  // Two's-complement limbs of this number, [n] limbs wide.
  std::vector<uint32_t> twos(size_t n) const;
  static BigInt from_twos(std::vector<uint32_t> limbs);

  bool negative_ = false;
  std::vector<uint32_t> mag_;  // magnitude, little-endian base 2**32, no leading zero limbs
};

}  // namespace pylife
