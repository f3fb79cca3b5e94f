// BigInt against CPython 3.11's int (tests/golden/ints.txt from
// scripts/golden/ints.py).
#include <catch2/catch.hpp>

#include <sstream>

#include "golden.h"
#include "pylife/ast.h"
#include "pylife/bigint.h"

using pylife::BigInt;

namespace {

BigInt num(const std::string& text) {
  std::string error;
  auto v = BigInt::parse(text, 10, &error);
  REQUIRE(v.has_value());
  return *v;
}

// Python's repr of a float result, or "ERR:..." on overflow.
std::string float_result(double d, bool overflow, const char* overflow_message) {
  if (overflow) return std::string("ERR:") + overflow_message;
  return pylife::ast::repr_float(d);
}

}  // namespace

TEST_CASE("BigInt agrees with CPython's int on every golden operation", "[bigint][golden]") {
  std::istringstream rows(pylife::test::read_repo_file("tests/golden/ints.txt"));
  std::string line;
  int checked = 0;
  while (std::getline(rows, line)) {
    std::istringstream fields(line);
    std::string op, a_text, b_text, want;
    std::getline(fields, op, '\t');
    std::getline(fields, a_text, '\t');
    std::getline(fields, b_text, '\t');
    std::getline(fields, want);
    INFO(line.substr(0, 300));
    std::string got;
    if (op == "parse") {
      std::string error;
      auto v = BigInt::parse(pylife::test::unhex(a_text), std::stoi(b_text), &error);
      got = v ? v->to_string() : "ERR:" + error;
    } else {
      BigInt a = num(a_text), b = num(b_text);
      BigInt q, r;
      bool overflow = false;
      if (op == "str")
        got = a.to_string();
      else if (op == "bin")
        got = a.to_string(2);
      else if (op == "oct")
        got = a.to_string(8);
      else if (op == "hex")
        got = a.to_string(16);
      else if (op == "bit_length")
        got = std::to_string(a.bit_length());
      else if (op == "hash")
        got = std::to_string(a.hash());
      else if (op == "float") {
        double d = a.to_double(&overflow);
        got = float_result(d, overflow, "int too large to convert to float");
      } else if (op == "add")
        got = (a + b).to_string();
      else if (op == "sub")
        got = (a - b).to_string();
      else if (op == "mul")
        got = (a * b).to_string();
      else if (op == "and")
        got = (a & b).to_string();
      else if (op == "or")
        got = (a | b).to_string();
      else if (op == "xor")
        got = (a ^ b).to_string();
      else if (op == "cmp")
        got = std::to_string(a.compare(b));
      else if (op == "floordiv") {
        BigInt::divmod(a, b, q, r);
        got = q.to_string();
      } else if (op == "mod") {
        BigInt::divmod(a, b, q, r);
        got = r.to_string();
      } else if (op == "truediv") {
        double d = BigInt::true_divide(a, b, &overflow);
        got = float_result(d, overflow, "integer division result too large for a float");
      } else if (op == "lshift")
        got = a.shift_left(static_cast<uint64_t>(b.to_int64())).to_string();
      else if (op == "rshift")
        got = a.shift_right(static_cast<uint64_t>(b.to_int64())).to_string();
      else if (op == "pow")
        got = a.pow(static_cast<uint64_t>(b.to_int64())).to_string();
      else if (op == "powmod")
        got = BigInt::pow_mod(a, BigInt(65537), b).to_string();
      else
        FAIL("unknown op " << op);
    }
    CHECK(got == want);
    ++checked;
  }
  CHECK(checked > 5000);
}

TEST_CASE("BigInt basics", "[bigint]") {
  CHECK(BigInt(-5).to_string() == "-5");
  CHECK(BigInt(INT64_MIN).to_string() == "-9223372036854775808");
  CHECK(BigInt(INT64_MIN).fits_int64());
  CHECK_FALSE((BigInt(INT64_MIN) - BigInt(1)).fits_int64());
  CHECK(BigInt::from_double(-3.9).to_string() == "-3");
  CHECK(BigInt::from_double(1e20).to_string() == "100000000000000000000");
  CHECK((~BigInt(5)).to_string() == "-6");
  CHECK(BigInt(-7).shift_right(1).to_string() == "-4");
}
