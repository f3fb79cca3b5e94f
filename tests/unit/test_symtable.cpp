// Symbol tables against CPython 3.11's symtable module (the .symtable
// goldens next to tests/golden/src/ast_*.py and scope_*.py).
#include <catch2/catch.hpp>

#include <filesystem>

#include "golden.h"
#include "pylife/parse.h"
#include "pylife/symtable.h"

TEST_CASE("symbol tables match CPython's symtable module", "[symtable][golden]") {
  namespace stdfs = std::filesystem;
  stdfs::path dir = stdfs::path(pylife::test::source_dir()) / "tests/golden/src";
  int checked = 0, errors = 0;
  for (const auto& entry : stdfs::directory_iterator(dir)) {
    if (entry.path().extension() != ".symtable") continue;
    std::string stem = "tests/golden/src/" + entry.path().stem().string();
    std::string want = pylife::test::read_repo_file(stem + ".symtable");
    std::string source = pylife::test::read_repo_file(stem + ".py");
    INFO(stem);
    auto decoded = pylife::source::decode(source, "t.py");
    REQUIRE(decoded.ok);
    auto parsed = pylife::parse::parse(decoded.source);
    REQUIRE(parsed.ok);
    auto lines = pylife::source::split_lines(decoded.source.text);
    auto table = pylife::compile::build_symtable(parsed.module, lines);
    std::string got;
    if (table.ok) {
      got = pylife::compile::dump_symtable(*table.top);
    } else {
      got = "error " + table.error.msg + " line " + std::to_string(table.error.lineno) + "\n";
      ++errors;
    }
    CHECK(got == want);
    ++checked;
  }
  CHECK(checked >= 40);
  CHECK(errors >= 10);
}

TEST_CASE("private names are mangled like _Py_Mangle", "[symtable]") {
  using pylife::compile::mangle;
  CHECK(mangle("C", "__x") == "_C__x");
  CHECK(mangle("_C", "__x") == "_C__x");
  CHECK(mangle("C", "__x__") == "__x__");
  CHECK(mangle("C", "_x") == "_x");
  CHECK(mangle("__", "__x") == "__x");
  CHECK(mangle("", "__x") == "__x");
}
