// str case conversion and predicates against CPython 3.11
// (tests/golden/str_cases.txt).
#include <catch2/catch.hpp>

#include <sstream>

#include "golden.h"
#include "pylife/unicode.h"

using namespace pylife::unicode;

TEST_CASE("str case methods and predicates match CPython", "[unicode][str][golden]") {
  std::istringstream rows(pylife::test::read_repo_file("tests/golden/str_cases.txt"));
  std::string line;
  int checked = 0;
  using Method = std::u32string (*)(std::u32string_view);
  const Method methods[] = {lower, upper, casefold, title, capitalize, swapcase};
  const char* method_names[] = {"lower", "upper", "casefold", "title", "capitalize", "swapcase"};
  using Predicate = bool (*)(std::u32string_view);
  const Predicate predicates[] = {str_isspace, str_isdecimal,  str_isdigit, str_isnumeric,
                                  str_isalpha, str_isalnum,    str_islower, str_isupper,
                                  str_istitle, str_isprintable};
  while (std::getline(rows, line)) {
    std::vector<std::string> cols;
    std::istringstream fields(line);
    for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
    if (cols.size() == 16 && line.front() == '\t') cols.insert(cols.begin(), "");
    REQUIRE(cols.size() == 17);
    std::u32string s = decode_utf8(pylife::test::unhex(cols[0]));
    INFO("input " << pylife::test::unhex(cols[0]));
    for (int m = 0; m < 6; ++m) {
      INFO(method_names[m]);
      CHECK(encode_utf8(methods[m](s)) == pylife::test::unhex(cols[1 + m]));
    }
    for (int p = 0; p < 10; ++p) {
      INFO("predicate " << p);
      CHECK(predicates[p](s) == (cols[7 + p] == "1"));
    }
    ++checked;
  }
  CHECK(checked > 400);
}
