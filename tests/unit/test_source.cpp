// Source decoding: encodings, BOM, PEP 263, null bytes, newlines.
#include <catch2/catch.hpp>

#include <filesystem>

#include "golden.h"
#include "pylife/source.h"

using pylife::source::decode;
using namespace std::string_view_literals;

TEST_CASE("every golden source case decodes as CPython 3.11 reads it", "[source][golden]") {
  namespace stdfs = std::filesystem;
  stdfs::path dir = stdfs::path(pylife::test::source_dir()) / "tests/golden/source";
  REQUIRE(stdfs::is_directory(dir));
  int cases = 0;
  for (const auto& entry : stdfs::directory_iterator(dir)) {
    if (entry.path().extension() != ".py") continue;
    std::string name = entry.path().filename().string();
    std::string stem = entry.path().stem().string();
    std::string input = pylife::test::read_repo_file("tests/golden/source/" + name);
    std::string expected = pylife::test::read_repo_file("tests/golden/source/" + stem + ".exp");
    REQUIRE(!expected.empty());
    INFO("case " << stem);
    auto result = decode(input, name);
    if (expected.rfind("ok ", 0) == 0) {
      size_t eol = expected.find('\n');
      REQUIRE(result.ok);
      CHECK(result.source.encoding == expected.substr(3, eol - 3));
      CHECK(result.source.text == expected.substr(eol + 1));
    } else {
      REQUIRE(expected.rfind("error\n", 0) == 0);
      REQUIRE_FALSE(result.ok);
      CHECK(pylife::source::format_error(result.error, name) == expected.substr(6));
    }
    ++cases;
  }
  CHECK(cases >= 20);
}

TEST_CASE("UTF-8 text passes through unchanged", "[source]") {
  auto r = decode("s = '\xe2\x82\xac \xf0\x9f\x90\x8d'\n", "t.py");
  REQUIRE(r.ok);
  CHECK(r.source.encoding == "utf-8");
  CHECK_FALSE(r.source.has_bom);
  CHECK(r.source.text == "s = '\xe2\x82\xac \xf0\x9f\x90\x8d'\n");
}

TEST_CASE("a byte-order mark is removed and reported", "[source]") {
  auto r = decode("\xEF\xBB\xBFx = 1\n", "t.py");
  REQUIRE(r.ok);
  CHECK(r.source.has_bom);
  CHECK(r.source.encoding == "utf-8-sig");
  CHECK(r.source.text == "x = 1\n");
}

TEST_CASE("Latin-1 and cp1252 sources become UTF-8", "[source]") {
  auto latin = decode("# coding: latin-1\nx = '\xe9'\n", "t.py");
  REQUIRE(latin.ok);
  CHECK(latin.source.encoding == "iso-8859-1");
  CHECK(latin.source.text == "# coding: latin-1\nx = '\xc3\xa9'\n");

  auto cp = decode("# coding: windows-1252\nx = '\x80'\n", "t.py");
  REQUIRE(cp.ok);
  CHECK(cp.source.text == "# coding: windows-1252\nx = '\xe2\x82\xac'\n");

  auto undefined = decode("# coding: cp1252\nx = '\x81'\n", "t.py");
  REQUIRE_FALSE(undefined.ok);
  CHECK(undefined.error.message == "encoding problem: cp1252");
}

TEST_CASE("PEP 263 declarations are found where CPython looks", "[source]") {
  using pylife::source::coding_declaration;
  CHECK(coding_declaration("# -*- coding: utf-8 -*-\n") == "utf-8");
  CHECK(coding_declaration("# coding=UTF_8\n") == "utf-8");
  CHECK(coding_declaration("# vim: set fileencoding=latin_1 :\n") == "iso-8859-1");
  CHECK(coding_declaration("#coding:ISO-8859-1-whatever\n") == "iso-8859-1");
  CHECK(coding_declaration("  # coding: ascii\n") == "ascii");
  CHECK(coding_declaration("x = 1  # coding: ascii\n").empty());
  CHECK(coding_declaration("# no declaration here\n").empty());
  CHECK(coding_declaration("# coding:\n").empty());
  // Line 2 counts only below a comment or blank line.
  CHECK_FALSE(decode("x = 1\n# coding: latin-1\ny = '\xe9'\n", "t.py").ok);
  CHECK(decode("\n# coding: latin-1\ny = '\xe9'\n", "t.py").ok);
}

TEST_CASE("invalid UTF-8 is reported with CPython's message and line", "[source]") {
  auto r = decode("a = 1\nb = '\xff'\n", "prog.py");
  REQUIRE_FALSE(r.ok);
  CHECK(r.error.message ==
        "Non-UTF-8 code starting with '\\xff' in file prog.py on line 2, but no encoding "
        "declared; see https://peps.python.org/pep-0263/ for details");
  // Truncated sequences at the very end are caught too.
  CHECK_FALSE(decode("x = '\xe2\x82", "t.py").ok);
  CHECK_FALSE(decode("x = '\xf4\x90\x80\x80'", "t.py").ok);  // above U+10FFFF
}

TEST_CASE("null bytes are a SyntaxError with location", "[source]") {
  auto r = decode("x = 1\ny = 2\0z\n"sv, "nul.py");
  REQUIRE_FALSE(r.ok);
  CHECK(r.error.message == "source code cannot contain null bytes");
  CHECK(r.error.lineno == 2);
  CHECK(r.error.text == "y = 2");
  CHECK(pylife::source::format_error(r.error, "nul.py") ==
        "  File \"nul.py\", line 2\n    y = 2\nSyntaxError: source code cannot contain null "
        "bytes\n");
}

TEST_CASE("newlines: split keeps terminators, normalize folds them", "[source]") {
  using pylife::source::normalize_newlines;
  using pylife::source::split_lines;
  auto lines = split_lines("a\r\nb\rc\nd");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "a\r\n");
  CHECK(lines[1] == "b\r");
  CHECK(lines[2] == "c\n");
  CHECK(lines[3] == "d");
  CHECK(split_lines("").empty());
  CHECK(split_lines("\n\n").size() == 2);
  CHECK(normalize_newlines("a\r\nb\rc\nd\r") == "a\nb\nc\nd\n");
  CHECK(normalize_newlines("\r\r\n") == "\n\n");
}

TEST_CASE("editor text ignores coding declarations but not null bytes", "[source]") {
  auto r = pylife::source::from_text("# coding: latin-1\nx = '\xc3\xa9'\n", "<editor>");
  REQUIRE(r.ok);
  CHECK(r.source.text == "# coding: latin-1\nx = '\xc3\xa9'\n");
  auto nul = pylife::source::from_text("x = 1\0"sv, "<editor>");
  REQUIRE_FALSE(nul.ok);
  CHECK(nul.error.message == "source code cannot contain null bytes");
  CHECK_FALSE(pylife::source::from_text("x = '\xff'", "<editor>").ok);
}
