// The parser's building blocks: literals, float repr, Unicode names and
// normalization, error display, and the AST as data.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <sstream>

#include "golden.h"

#include "../../core/src/parse/literals.h"
#include "pylife/ast.h"
#include "pylife/parse.h"
#include "pylife/unicode.h"

using pylife::ast::repr_float;

namespace {

pylife::parse::ParseResult parse_text(const std::string& text) {
  auto decoded = pylife::source::decode(text, "t.py");
  REQUIRE(decoded.ok);
  return pylife::parse::parse(decoded.source);
}

}  // namespace

TEST_CASE("float repr is Python's shortest round-trip form", "[ast][float]") {
  CHECK(repr_float(0.1) == "0.1");
  CHECK(repr_float(1.0) == "1.0");
  CHECK(repr_float(-0.0) == "-0.0");
  CHECK(repr_float(1e16) == "1e+16");
  CHECK(repr_float(1e15) == "1000000000000000.0");
  CHECK(repr_float(123456789012345678.0) == "1.2345678901234568e+17");
  CHECK(repr_float(0.0001) == "0.0001");
  CHECK(repr_float(0.00001) == "1e-05");
  CHECK(repr_float(5e-324) == "5e-324");
  CHECK(repr_float(1.7976931348623157e308) == "1.7976931348623157e+308");
  CHECK(repr_float(2.0 / 3.0) == "0.6666666666666666");
  CHECK(repr_float(INFINITY) == "inf");
  CHECK(repr_float(-INFINITY) == "-inf");
  CHECK(repr_float(NAN) == "nan");
  CHECK(repr_float(2.5, false) == "2.5");
  CHECK(repr_float(10.0, false) == "10");
}

TEST_CASE("float repr matches CPython on thousands of doubles", "[ast][float][golden]") {
  std::istringstream rows(pylife::test::read_repo_file("tests/golden/floats.txt"));
  std::string hex, want;
  int checked = 0;
  while (rows >> hex >> want) {
    uint64_t bits = std::stoull(hex, nullptr, 16);
    double d;
    std::memcpy(&d, &bits, sizeof d);
    INFO(hex);
    CHECK(repr_float(d) == want);
    ++checked;
  }
  CHECK(checked > 3000);
}

TEST_CASE("integer literals of any size become decimal digits", "[ast][int]") {
  using pylife::parse::int_literal_to_decimal;
  CHECK(int_literal_to_decimal("0") == "0");
  CHECK(int_literal_to_decimal("0_0") == "0");
  CHECK(int_literal_to_decimal("0xff") == "255");
  CHECK(int_literal_to_decimal("0o17") == "15");
  CHECK(int_literal_to_decimal("0B1010") == "10");
  CHECK(int_literal_to_decimal("1_000_000") == "1000000");
  CHECK(int_literal_to_decimal("0xFFFFFFFFFFFFFFFFFFFF") == "1208925819614629174706175");
  CHECK(int_literal_to_decimal("123456789012345678901234567890") ==
        "123456789012345678901234567890");
}

TEST_CASE("string escapes decode as in CPython", "[ast][strings]") {
  using pylife::parse::decode_str_literal;
  CHECK(decode_str_literal("a\\tb\\n", false).value == "a\tb\n");
  CHECK(decode_str_literal("\\x41\\101\\u00e9", false).value == "AA\xc3\xa9");
  CHECK(decode_str_literal("\\N{BULLET}", false).value == "\xe2\x80\xa2");
  CHECK(decode_str_literal("\\N{latin small letter a}", false).value == "a");
  CHECK(decode_str_literal("\\d", false).value == "\\d");
  CHECK(decode_str_literal("\\d", true).value == "\\d");
  auto bad = decode_str_literal("\\x4", false);
  CHECK_FALSE(bad.ok);
  CHECK(bad.error ==
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
        "truncated \\xXX escape");
  CHECK(pylife::parse::decode_bytes_literal("\\x00\\xff", false).value == std::string("\0\xff", 2));
}

TEST_CASE("\\N{} names cover stored, algorithmic and Hangul names", "[unicode]") {
  using pylife::parse::lookup_unicode_name;
  CHECK(lookup_unicode_name("SNAKE") == 0x1F40D);
  CHECK(lookup_unicode_name("GREEK CAPITAL LETTER DELTA") == 0x394);
  CHECK(lookup_unicode_name("CJK UNIFIED IDEOGRAPH-4E00") == 0x4E00);
  CHECK(lookup_unicode_name("HANGUL SYLLABLE GA") == 0xAC00);
  CHECK(lookup_unicode_name("NO SUCH CHARACTER") == 0);
}

TEST_CASE("identifiers are NFKC-normalized", "[unicode]") {
  using pylife::unicode::decode_utf8;
  using pylife::unicode::encode_utf8;
  using pylife::unicode::nfkc;
  CHECK(encode_utf8(nfkc(decode_utf8("\xef\xbd\x97\xef\xbd\x89"))) == "wi");  // fullwidth
  CHECK(encode_utf8(nfkc(decode_utf8("\xef\xac\x81"))) == "fi");              // ligature
  CHECK(encode_utf8(nfkc(decode_utf8("e\xcc\x81"))) == "\xc3\xa9");           // compose
  CHECK(encode_utf8(nfkc(decode_utf8("\xea\xb0\x80"))) == "\xea\xb0\x80");    // Hangul GA
  auto r = parse_text("\xef\xac\x81le = 1\n");
  REQUIRE(r.ok);
  CHECK(pylife::ast::dump(r.module).find("Name(id='file'") != std::string::npos);
}

TEST_CASE("the AST is plain data with CPython's locations", "[ast]") {
  auto r = parse_text("x = 1 + foo(y)\n");
  REQUIRE(r.ok);
  auto* assign = r.module->list(PYLIFE_FIELD(Module, body))[0];
  CHECK(assign->kind == pylife::ast::Kind::Assign);
  CHECK(assign->loc.lineno == 1);
  CHECK(assign->loc.col_offset == 0);
  CHECK(assign->loc.end_col_offset == 14);
  auto* binop = assign->node(PYLIFE_FIELD(Assign, value));
  CHECK(binop->kind == pylife::ast::Kind::BinOp);
  CHECK(binop->loc.col_offset == 4);
  auto* call = binop->node(PYLIFE_FIELD(BinOp, right));
  CHECK(call->loc.col_offset == 8);
  CHECK(call->loc.end_col_offset == 14);
  CHECK(pylife::ast::dump(r.module, 1).rfind("Module(\n body=[", 0) == 0);
}

TEST_CASE("syntax errors carry CPython's message, location and caret", "[parse][errors]") {
  auto r = parse_text("def f(x):\n    return x +\n");
  REQUIRE_FALSE(r.ok);
  CHECK(r.error.type == "SyntaxError");
  CHECK(r.error.msg == "invalid syntax");
  CHECK(r.error.lineno == 2);
  CHECK(pylife::parse::format_error(r.error, "t.py") ==
        "  File \"t.py\", line 2\n    return x +\n              ^\nSyntaxError: invalid syntax\n");
  auto deep = parse_text("x = " + std::string(100000, '-') + "1\n");
  REQUIRE_FALSE(deep.ok);
  CHECK(deep.error.type == "MemoryError");
  auto nested = parse_text("x = " + std::string(300, '(') + std::string(300, ')') + "\n");
  REQUIRE_FALSE(nested.ok);
  CHECK(nested.error.msg == "too many nested parentheses");
}
