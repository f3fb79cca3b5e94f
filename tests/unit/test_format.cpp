// format(value, spec) against CPython 3.11 (tests/golden/formats.txt).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "golden.h"
#include "pylife/format.h"

using namespace pylife::runtime;

TEST_CASE("format() of int, float and str matches CPython", "[format][golden]") {
  std::istringstream rows(pylife::test::read_repo_file("tests/golden/formats.txt"));
  std::string line;
  int checked = 0;
  while (std::getline(rows, line)) {
    std::istringstream fields(line);
    std::string kind, value, spec_hex, want_hex;
    std::getline(fields, kind, '\t');
    std::getline(fields, value, '\t');
    std::getline(fields, spec_hex, '\t');
    std::getline(fields, want_hex);
    std::string spec = pylife::test::unhex(spec_hex), want = pylife::test::unhex(want_hex);
    INFO(kind << " " << value << " spec '" << spec << "'");
    std::string error;
    std::optional<std::string> got;
    if (kind == "int") {
      std::string e;
      got = format_int(*pylife::BigInt::parse(value, 10, &e), spec, &error);
    } else if (kind == "float") {
      double d = value == "inf"    ? HUGE_VAL
                 : value == "-inf" ? -HUGE_VAL
                 : value == "nan"  ? NAN
                                   : std::strtod(value.c_str(), nullptr);
      got = format_float(d, spec, &error);
    } else {
      got = format_str(pylife::test::unhex(value), spec, &error);
    }
    std::string shown;
    if (got) {
      shown = "OK:" + *got;
    } else if (error.rfind("OverflowError:", 0) == 0) {
      shown = "ERR:" + error;
    } else {
      shown = "ERR:ValueError:" + error;
    }
    CHECK(shown == want);
    ++checked;
  }
  CHECK(checked > 3000);
}
