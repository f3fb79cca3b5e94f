// Bad input never crashes or hangs the front end: pathological nesting and
// randomly damaged programs all end in a tree or a clear error.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "golden.h"
#include "pylife/ast.h"
#include "pylife/compile.h"
#include "pylife/parse.h"
#include "pylife/symtable.h"

namespace {

// Parses [text] as a file's bytes would be (compile(bytes) rules).
pylife::parse::ParseResult parse_bytes(const std::string& text) {
  auto decoded = pylife::source::decode(text, "fuzz.py", {.escape_invalid_utf8 = true});
  if (!decoded.ok) return {};
  return pylife::parse::parse(decoded.source);
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("pathological nesting ends in CPython's errors, not a crash", "[robustness]") {
  struct Case {
    std::string source;
    const char* type;  // expected error type, or "" for success
  };
  const Case cases[] = {
      {"x = " + repeat("not ", 50000) + "y\n", "MemoryError"},
      {"x = " + repeat("lambda: ", 20000) + "0\n", "MemoryError"},
      {"x = " + repeat("2**", 30000) + "2\n", "MemoryError"},
      {"x = " + repeat("~", 100000) + "1\n", "MemoryError"},
      {"x = " + repeat("1 if y else ", 20000) + "2\n", "MemoryError"},
      {"x = " + repeat("(", 250) + repeat(")", 250) + "\n", "SyntaxError"},
      {"x = " + repeat("[", 199) + repeat("]", 199) + "\n", ""},
      {"x" + repeat(".a", 100000) + "\n", ""},
      {"x" + repeat("()", 50000) + "\n", ""},
      {"x = " + repeat("1 + ", 100000) + "1\n", ""},
      {repeat("if x:\n", 1) + repeat(" ", 1) + "pass\n", ""},
  };
  for (const auto& c : cases) {
    INFO(c.source.substr(0, 40));
    auto r = parse_bytes(c.source);
    if (*c.type) {
      REQUIRE_FALSE(r.ok);
      CHECK(r.error.type == c.type);
    } else {
      REQUIRE(r.ok);
      // Trees deeper than CPython's ast.dump can go report RecursionError.
      bool too_deep = false;
      std::string text = pylife::ast::dump(r.module, -1, &too_deep);
      CHECK((too_deep ? text.empty() : !text.empty()));
    }
  }
}

TEST_CASE("randomly damaged programs parse, compile or fail cleanly", "[robustness]") {
  namespace stdfs = std::filesystem;
  std::vector<std::string> seeds;
  for (const auto& e :
       stdfs::directory_iterator(stdfs::path(pylife::test::source_dir()) / "tests/golden/src")) {
    std::string name = e.path().filename().string();
    if (e.path().extension() == ".py" &&
        (name.rfind("ast_", 0) == 0 || name.rfind("dis_", 0) == 0)) {
      seeds.push_back(
          pylife::test::read_repo_file("tests/golden/src/" + e.path().filename().string()));
    }
  }
  REQUIRE(seeds.size() > 10);
  const char* pieces[] = {"(",      ")",     "[",     "]",  "{",  "}",    "\"",   "'",
                          "\"\"\"", "\\",    "\n",    "\t", ":",  "=",    "f\"{", "!r",
                          "lambda", "match", "case",  "*",  "**", "@",    "#",    "\r",
                          "\xff",   "\xc3",  "yield", "0x", "1e", "\\N{", ":=",   "\x0c"};
  std::mt19937 rng(20261129);
  int parsed = 0, errors = 0, compiled = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string src = seeds[rng() % seeds.size()];
    int edits = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < edits; ++k) {
      size_t pos = src.empty() ? 0 : rng() % src.size();
      switch (rng() % 3) {
        case 0: src.insert(pos, pieces[rng() % std::size(pieces)]); break;
        case 1: src.erase(pos, 1 + rng() % 20); break;
        default: {
          size_t a = src.empty() ? 0 : rng() % src.size();
          src.insert(pos, src.substr(a, 1 + rng() % 100));
        }
      }
    }
    auto decoded = pylife::source::decode(src, "fuzz.py", {.escape_invalid_utf8 = true});
    auto r = decoded.ok ? pylife::parse::parse(decoded.source) : pylife::parse::ParseResult{};
    if (r.ok) {
      ++parsed;
      REQUIRE(r.module != nullptr);
      // What parses goes on through the symbol table and the compiler.
      auto lines = pylife::source::split_lines(decoded.source.text);
      auto table = pylife::compile::build_symtable(r.module, lines);
      if (table.ok) {
        auto code = pylife::compile::compile_module(r.module, *table.top, "fuzz.py", lines);
        CHECK((code.ok ? code.code != nullptr : !code.error.msg.empty()));
        compiled += code.ok;
      }
    } else {
      ++errors;
      INFO(src);
      CHECK(!r.error.type.empty());
      CHECK((r.error.type == "MemoryError" || !r.error.msg.empty()));
      CHECK_FALSE(pylife::parse::format_error(r.error, "fuzz.py").empty());
    }
  }
  CHECK(parsed + errors == 1500);
  CHECK(errors > 0);
  CHECK(compiled > 0);
}
