// `pylife tokens` against the CPython-generated goldens in tests/golden/src.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "cli.h"
#include "golden.h"
#include "pylife/lex.h"

namespace {

// Runs the CLI on a real file and returns (status, stdout, stderr) with
// the absolute directory removed from messages, as the goldens have them.
struct Output {
  int status;
  std::string out, err;
};

Output run_in_golden_dir(const std::string& command, const std::string& name) {
  std::string dir = pylife::test::source_dir() + "/tests/golden/src/";
  pylife::fs::DiskFileSystem disk;
  std::ostringstream out, err;
  pylife::cli::Host host{&disk, &out, &err, {}, {}};
  int status = pylife::cli::run({command, dir + name}, host);
  auto strip = [&](std::string s) {
    for (size_t at; (at = s.find(dir)) != std::string::npos;) s.erase(at, dir.size());
    return s;
  };
  return {status, strip(out.str()), strip(err.str())};
}

}  // namespace

TEST_CASE("pylife tokens matches python3 -m tokenize on every golden file", "[tokens][golden]") {
  namespace stdfs = std::filesystem;
  stdfs::path dir = stdfs::path(pylife::test::source_dir()) / "tests/golden/src";
  int files = 0;
  for (const auto& entry : stdfs::directory_iterator(dir)) {
    if (entry.path().extension() != ".py") continue;
    std::string name = entry.path().filename().string();
    std::string stem = entry.path().stem().string();
    INFO("file " << name);
    Output got = run_in_golden_dir("tokens", name);
    std::string want_out = pylife::test::read_repo_file("tests/golden/src/" + stem + ".tokens");
    std::string want_err = pylife::test::read_repo_file("tests/golden/src/" + stem + ".tokens.err");
    CHECK(got.out == want_out);
    if (want_err.empty()) {
      CHECK(got.status == 0);
      CHECK(got.err.empty());
      std::string want_exact =
          pylife::test::read_repo_file("tests/golden/src/" + stem + ".tokens-e");
      if (!want_exact.empty()) {
        pylife::fs::DiskFileSystem disk;
        std::ostringstream out, err;
        pylife::cli::Host host{&disk, &out, &err, {}, {}};
        pylife::cli::run({"tokens", "-e", pylife::test::source_dir() + "/tests/golden/src/" + name},
                         host);
        CHECK(out.str() == want_exact);
      }
    } else {
      CHECK("exit " + std::to_string(got.status) + "\n" + got.err == want_err);
    }
    ++files;
  }
  CHECK(files >= 60);
}

TEST_CASE("pylife ast matches ast.dump(ast.parse(...)) on every golden file", "[ast][golden]") {
  namespace stdfs = std::filesystem;
  stdfs::path dir = stdfs::path(pylife::test::source_dir()) / "tests/golden/src";
  int files = 0, errors = 0;
  for (const auto& entry : stdfs::directory_iterator(dir)) {
    if (entry.path().extension() != ".py") continue;
    std::string name = entry.path().filename().string();
    std::string stem = "tests/golden/src/" + entry.path().stem().string();
    INFO("file " << name);
    Output got = run_in_golden_dir("ast", name);
    std::string want_err = pylife::test::read_repo_file(stem + ".ast.err");
    if (!want_err.empty()) {
      CHECK("exit " + std::to_string(got.status) + "\n" + got.err == want_err);
      CHECK(got.out.empty());
      ++errors;
    } else {
      CHECK(got.status == 0);
      CHECK(got.out == pylife::test::read_repo_file(stem + ".ast"));
      CHECK(got.err == pylife::test::read_repo_file(stem + ".ast.warn"));
      std::string indented = pylife::test::read_repo_file(stem + ".ast2");
      if (!indented.empty()) {
        pylife::fs::DiskFileSystem disk;
        std::ostringstream out, err;
        pylife::cli::Host host{&disk, &out, &err, {}, {}};
        pylife::cli::run({"ast", "--indent", "2", dir.string() + "/" + name}, host);
        CHECK(out.str() == indented);
      }
    }
    ++files;
  }
  CHECK(files >= 60);
  CHECK(errors >= 40);
}

TEST_CASE("tokens carry byte columns for the AST and code-point columns for tokenize", "[tokens]") {
  auto decoded = pylife::source::decode("é = 'ñ'\n", "t.py");
  REQUIRE(decoded.ok);
  auto stream = pylife::lex::tokenize(decoded.source);
  REQUIRE(stream.ok());
  REQUIRE(stream.tokens.size() == 6);  // ENCODING NAME OP STRING NEWLINE ENDMARKER
  const auto& str = stream.tokens[3];
  CHECK(str.type == pylife::lex::TokenType::STRING);
  CHECK(str.start.col == 4);
  CHECK(str.start.byte_col == 5);
  CHECK(str.end.col == 7);
  CHECK(str.end.byte_col == 9);
  CHECK(stream.tokens[2].exact() == pylife::lex::TokenType::EQUAL);
}

TEST_CASE("tokenizer errors are reported with tokenize's location", "[tokens]") {
  auto eof = pylife::source::decode("x = (1,\n", "t.py");
  auto stream = pylife::lex::tokenize(eof.source);
  REQUIRE_FALSE(stream.ok());
  CHECK(stream.error.message == "EOF in multi-line statement");
  CHECK(stream.error.line == 2);
  CHECK(stream.error.col == 0);
}
