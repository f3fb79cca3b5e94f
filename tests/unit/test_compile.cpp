// The bytecode compiler against CPython 3.11's dis (the .dis goldens next
// to tests/golden/src/dis_*.py, from scripts/golden/dis_listings.py).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "golden.h"
#include "pylife/compile.h"
#include "pylife/dis.h"
#include "pylife/parse.h"
#include "pylife/symtable.h"

namespace {

pylife::compile::CompileResult compile_text(const std::string& text, const std::string& filename) {
  auto decoded = pylife::source::decode(text, filename);
  REQUIRE(decoded.ok);
  auto parsed = pylife::parse::parse(decoded.source);
  REQUIRE(parsed.ok);
  std::string normalized = pylife::source::normalize_newlines(decoded.source.text);
  auto lines = pylife::source::split_lines(normalized);
  auto table = pylife::compile::build_symtable(parsed.module, lines);
  REQUIRE(table.ok);
  return pylife::compile::compile_module(parsed.module, *table.top, filename, lines);
}

}  // namespace

TEST_CASE("compiled modules disassemble exactly as CPython's dis", "[compile][golden]") {
  namespace stdfs = std::filesystem;
  stdfs::path dir = stdfs::path(pylife::test::source_dir()) / "tests/golden/src";
  int checked = 0;
  for (const auto& entry : stdfs::directory_iterator(dir)) {
    if (entry.path().extension() != ".dis") continue;
    std::string stem = entry.path().stem().string();
    INFO(stem);
    std::string want = pylife::test::read_repo_file("tests/golden/src/" + stem + ".dis");
    auto compiled = compile_text(pylife::test::read_repo_file("tests/golden/src/" + stem + ".py"),
                                 stem + ".py");
    INFO(compiled.error.msg << " line " << compiled.error.lineno);
    REQUIRE(compiled.ok);
    std::string got = pylife::compile::format_dis(*compiled.code);
    got = std::regex_replace(got, std::regex(" at 0x[0-9a-f]+"), " at 0x");
    CHECK(got == want);
    ++checked;
  }
  CHECK(checked >= 3);
}

TEST_CASE("constructs the compiler does not handle yet are reported, not miscompiled",
          "[compile]") {
  auto compiled = compile_text("x = 1\nfrom __future__ import annotations\n", "t.py");
  CHECK_FALSE(compiled.ok);
  CHECK(compiled.unsupported);
  CHECK(compiled.code == nullptr);
  CHECK(compiled.error.lineno == 2);
  CHECK(compiled.error.msg ==
        "pylife cannot compile ImportFrom yet (the bytecode compiler is still growing)");
}

TEST_CASE("printf-style formatting with only %s/%r/%a becomes an f-string, as ast_opt does",
          "[compile]") {
  auto rewritten = compile_text("a = b = 1\nx = '%s-%r' % (a, b)\n", "t.py");
  REQUIRE(rewritten.ok);
  std::string dis = pylife::compile::format_dis(*rewritten.code);
  CHECK(dis.find("FORMAT_VALUE") != std::string::npos);
  CHECK(dis.find("BUILD_STRING") != std::string::npos);
  // %d is not rewritten: a BINARY_OP %.
  auto kept = compile_text("a = b = 1\nx = '%s-%d' % (a, b)\n", "t.py");
  REQUIRE(kept.ok);
  CHECK(pylife::compile::format_dis(*kept.code).find("BINARY_OP                6 (%)") != std::string::npos);
}

TEST_CASE("compile errors are CPython's SyntaxErrors", "[compile]") {
  auto compiled = compile_text("def f():\n    pass\nbreak\n", "t.py");
  CHECK_FALSE(compiled.ok);
  CHECK_FALSE(compiled.unsupported);
  CHECK(compiled.error.msg == "'break' outside loop");
  CHECK(compiled.error.lineno == 3);
}
