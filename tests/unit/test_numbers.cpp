// Float arithmetic, round() and number parsing against CPython 3.11
// (tests/golden/numbers.txt).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <sstream>

#include "golden.h"
#include "pylife/ast.h"
#include "pylife/numbers.h"

namespace num = pylife::num;

namespace {

double from_bits(const std::string& hex) {
  uint64_t bits = std::stoull(hex, nullptr, 16);
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

std::string shown(double d) {
  return pylife::ast::repr_float(d);
}

std::string error_text(const std::string& e) {
  if (e.rfind("OverflowError:", 0) == 0) return "ERR:" + e;
  return "ERR:ValueError:" + e;
}

}  // namespace

TEST_CASE("float //, %, divmod, round and parsing match CPython", "[numbers][golden]") {
  std::istringstream rows(pylife::test::read_repo_file("tests/golden/numbers.txt"));
  std::string line;
  int checked = 0;
  while (std::getline(rows, line)) {
    std::istringstream fields(line);
    std::string op, args, want;
    std::getline(fields, op, '\t');
    std::getline(fields, args, '\t');
    std::getline(fields, want);
    std::istringstream a(args);
    std::string a0, a1;
    a >> a0 >> a1;
    INFO(line);
    std::string got, error;
    if (op == "floordiv") {
      got = shown(num::float_floordiv(from_bits(a0), from_bits(a1)));
    } else if (op == "mod") {
      got = shown(num::float_mod(from_bits(a0), from_bits(a1)));
    } else if (op == "divmod") {
      double q, r;
      num::float_divmod(from_bits(a0), from_bits(a1), q, r);
      got = shown(q) + " " + shown(r);
    } else if (op == "round") {
      got = shown(num::round_float(from_bits(a0), std::stol(a1)));
    } else if (op == "roundint") {
      auto v = num::round_float_to_int(from_bits(a0), &error);
      got = v ? v->to_string() : error_text(error);
    } else if (op == "float") {
      auto v = num::float_from_string(pylife::test::unhex(a0), &error);
      got = v ? shown(*v) : error_text(error);
    } else if (op == "int") {
      auto v = num::int_from_string(pylife::test::unhex(a0), std::stoi(a1), &error);
      got = v ? v->to_string() : error_text(error);
    } else {
      FAIL("unknown op " << op);
    }
    CHECK(got == want);
    ++checked;
  }
  CHECK(checked > 2000);
}
