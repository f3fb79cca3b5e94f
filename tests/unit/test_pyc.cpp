// .pyc files: marshal round trips of every test program's code, the
// import system's cache (hit, stale, corrupt → warning + recompile) and
// corruption of every byte of a cached file never crashing a run.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <string>

#include "golden.h"
#include "pylife/compile.h"
#include "pylife/dis.h"
#include "pylife/events.h"
#include "pylife/fs.h"
#include "pylife/opcodes.h"
#include "pylife/parse.h"
#include "pylife/pyc.h"
#include "pylife/source.h"
#include "pylife/symtable.h"
#include "pylife/vm.h"

using namespace pylife;

namespace {

std::shared_ptr<const compile::CodeObject> compile_text(const std::string& text, const std::string& filename) {
  auto decoded = source::from_text(text, filename);
  if (!decoded.ok) return nullptr;
  auto parsed = parse::parse(decoded.source);
  if (!parsed.ok) return nullptr;
  std::string text_lf = source::normalize_newlines(decoded.source.text);  // the lines below point into it
  auto lines = source::split_lines(text_lf);
  auto table = compile::build_symtable(parsed.module, lines);
  if (!table.ok) return nullptr;
  auto compiled = compile::compile_module(parsed.module, *table.top, filename, lines);
  return compiled.ok ? compiled.code : nullptr;
}

// What differs between [a] and its copy [b] read back from a .pyc, or ""
// when nothing does.
std::string code_difference(const compile::CodeObject& a, const compile::CodeObject& b) {
  // Cells are kept in co_localsplusnames order (argument cells where the
  // argument is), as CPython's co_cellvars lists them.
  if (a.code != b.code || a.names != b.names || a.varnames != b.varnames || a.localsplus() != b.localsplus() ||
      a.cellvars.size() != b.cellvars.size() || a.freevars != b.freevars || a.name != b.name ||
      a.qualname != b.qualname || a.filename != b.filename) {
    return a.name + ": code or names";
  }
  if (a.argcount != b.argcount || a.posonlyargcount != b.posonlyargcount || a.kwonlyargcount != b.kwonlyargcount ||
      a.stacksize != b.stacksize || a.flags != b.flags || a.firstlineno != b.firstlineno ||
      a.consts.size() != b.consts.size() || a.positions.size() != b.positions.size() ||
      a.exceptiontable.size() != b.exceptiontable.size()) {
    return a.name + ": counts or flags";
  }
  // Locations of instructions (a CACHE entry has its instruction's, as
  // co_positions() reports it).
  for (size_t i = 0; i < a.positions.size(); i += 1 + compile::op_info(a.code[2 * i]).caches) {
    const auto &p = a.positions[i], &q = b.positions[i];
    // A line-only location reads back as CPython's co_positions() shows it:
    // (line, line, None, None).
    int p_end = p.col < 0 && p.end_line < 0 ? p.line : p.end_line;
    if (p.line != q.line || p_end != q.end_line || p.col != q.col || p.end_col != q.end_col) {
      return a.name + ": location of code unit " + std::to_string(i);
    }
  }
  for (size_t i = 0; i < a.exceptiontable.size(); ++i) {
    const auto &e = a.exceptiontable[i], &f = b.exceptiontable[i];
    if (e.start != f.start || e.end != f.end || e.target != f.target || e.depth != f.depth || e.lasti != f.lasti) {
      return a.name + ": exception table entry " + std::to_string(i);
    }
  }
  for (size_t i = 0; i < a.consts.size(); ++i) {
    const auto &c = a.consts[i], &d = b.consts[i];
    if (c.kind == compile::Const::Kind::kCode) {
      if (d.kind != c.kind) return a.name + ": constant " + std::to_string(i);
      std::string inner = code_difference(*c.code, *d.code);
      if (!inner.empty()) return inner;
    } else if (!c.same(d)) {
      return a.name + ": constant " + std::to_string(i);
    }
  }
  return "";
}

// dis text with the "at 0x..." of code objects left out.
std::string without_addresses(std::string text) {
  for (size_t at = text.find(" at 0x"); at != std::string::npos; at = text.find(" at 0x", at)) {
    size_t end = at + 6;
    while (end < text.size() && std::isxdigit(static_cast<unsigned char>(text[end]))) ++end;
    text.erase(at, end - at);
  }
  return text;
}

struct Run {
  std::string out, err;
  int rc = 0;
  std::vector<events::Import> imports;
};

class ImportLog final : public events::Observer {
 public:
  std::vector<events::Import>* log;
  void on_import(const events::Import& e) override { log->push_back(e); }
};

Run run_main(fs::MemoryFileSystem& files, const std::string& main = "/p/main.py") {
  Run r;
  vm::Io io;
  io.out = [&](std::string_view s) { r.out += s; };
  io.err = [&](std::string_view s) { r.err += s; };
  io.files = &files;
  io.writable_files = &files;
  vm::RunOptions options;
  options.script_dir = "/p";
  options.argv = {main};
  ImportLog log;
  log.log = &r.imports;
  options.observer = &log;
  auto src = source::from_text(files.read_file(main).bytes, main);
  r.rc = vm::run_program(src.source, options, io).exit_code;
  return r;
}

bool saw(const Run& r, events::Import::Stage stage) {
  for (const auto& e : r.imports) {
    if (e.stage == stage && e.name == "helper") return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every test program's code survives marshal and the .pyc format unchanged", "[pyc]") {
  namespace stdfs = std::filesystem;
  int checked = 0;
  for (const auto& entry : stdfs::directory_iterator(test::source_dir() + "/tests/programs")) {
    if (entry.path().extension() != ".py") continue;
    std::string text = test::read_repo_file("tests/programs/" + entry.path().filename().string());
    auto code = compile_text(text, entry.path().string());
    if (!code) continue;
    INFO(entry.path().filename().string());
    pyc::Header h;
    h.mtime = 1234567890;
    h.source_size = static_cast<uint32_t>(text.size());
    std::string bytes = pyc::write_pyc(h, *code);
    pyc::ReadResult r = pyc::read_pyc(bytes, true);
    REQUIRE(r.ok);
    CHECK(r.header.mtime == h.mtime);
    CHECK(r.header.source_size == h.source_size);
    CHECK(code_difference(*code, *r.code) == "");
    CHECK(without_addresses(compile::format_dis(*code)) == without_addresses(compile::format_dis(*r.code)));
    CHECK(pyc::verify_code(*r.code).empty());
    // Spans cover the file in order without overlapping at the top level.
    CHECK(r.spans.front().begin == 0);
    ++checked;
  }
  CHECK(checked > 300);
}

TEST_CASE("the line table and exception table encodings read back", "[pyc]") {
  compile::CodeObject co;
  co.firstlineno = 5;
  co.code = {151, 0, 100, 0, 83, 0};  // RESUME, LOAD_CONST, RETURN_VALUE
  co.positions = {{5, 5, -1, -1}, {7, 9, 3, 200}, {-1, -1, -1, -1}};
  co.exceptiontable = {{0, 2, 2, 3, true}, {1, 70000, 5, 0, false}};
  std::vector<compile::Position> back;
  REQUIRE(pyc::decode_linetable(pyc::encode_linetable(co), co.firstlineno, 3, &back));
  for (size_t i = 0; i < 3; ++i) {
    CHECK(back[i].line == co.positions[i].line);
    CHECK(back[i].end_line == co.positions[i].end_line);
    CHECK(back[i].col == co.positions[i].col);
    CHECK(back[i].end_col == co.positions[i].end_col);
  }
  std::vector<compile::ExceptionEntry> entries;
  REQUIRE(pyc::decode_exception_table(pyc::encode_exception_table(co.exceptiontable), &entries));
  REQUIRE(entries.size() == 2);
  CHECK(entries[1].end == 70000);
  CHECK(entries[0].lasti);
  CHECK(entries[0].depth == 3);
}

TEST_CASE("the magic number says which Python wrote a .pyc", "[pyc]") {
  CHECK(pyc::magic_version(3495) == "3.11");
  CHECK(pyc::magic_version(3413) == "3.8");
  CHECK(pyc::magic_version(3531) == "3.12");
  CHECK(pyc::magic_version(pyc::kPylifeMagic) == "pylife 3.11");
  CHECK(pyc::magic_version(1).empty());
  CHECK(pyc::cache_path("/a/b/mod.py") == "/a/b/__pycache__/mod.pylife-311.pyc");
}

TEST_CASE("imports cache bytecode, reuse it, and recompile stale or corrupt caches", "[pyc][import]") {
  fs::MemoryFileSystem files;
  files.write_file("/p/helper.py", "def f():\n    return 41 + 1\nprint('helper runs')\n");
  files.write_file("/p/main.py", "import helper\nprint(helper.f())\n");
  const std::string want = "helper runs\n42\n";
  const std::string cache = "/p/__pycache__/helper.pylife-311.pyc";

  Run first = run_main(files);
  CHECK(first.out == want);
  CHECK(first.err.empty());
  CHECK(saw(first, events::Import::Stage::kCacheMiss));
  CHECK(saw(first, events::Import::Stage::kCacheWrite));
  REQUIRE(files.read_file(cache).ok);

  Run second = run_main(files);
  CHECK(second.out == want);
  CHECK(saw(second, events::Import::Stage::kCacheHit));
  CHECK_FALSE(saw(second, events::Import::Stage::kCompile));

  // An edit makes the cache stale (the memory file system's clock moves).
  files.write_file("/p/helper.py", "def f():\n    return 7\nprint('edited')\n");
  Run third = run_main(files);
  CHECK(third.out == "edited\n7\n");
  CHECK(saw(third, events::Import::Stage::kCacheStale));
  CHECK(third.err.empty());

  const std::string good = files.read_file(cache).bytes;
  auto corrupt_run = [&](const std::string& bytes) {
    files.write_file(cache, bytes);
    // The source is newer than nothing: keep its mtime by not touching it.
    return run_main(files);
  };
  SECTION("truncated") {
    for (size_t n : {size_t{0}, size_t{3}, size_t{15}, size_t{16}, size_t{40}, good.size() - 1}) {
      Run r = corrupt_run(good.substr(0, n));
      INFO(n);
      CHECK(r.out == "edited\n7\n");
      CHECK(r.err.find("pylife: warning: ignoring " + cache) != std::string::npos);
      CHECK(saw(r, events::Import::Stage::kCacheBad));
    }
  }
  SECTION("wrong magic") {
    std::string b = good;
    b[0] = static_cast<char>(0xA7);
    b[1] = 0x0D;  // CPython 3.11's magic
    Run r = corrupt_run(b);
    CHECK(r.out == "edited\n7\n");
    CHECK(r.err.find("not written by pylife") != std::string::npos);
  }
  SECTION("a changed header field (the source size) is caught by the check trailer") {
    std::string b = good;
    b[12] = static_cast<char>(b[12] + 1);
    // The header is covered by the check trailer: a changed size field is corruption.
    Run r = corrupt_run(b);
    CHECK(r.out == "edited\n7\n");
  }
  SECTION("every single bit flip is caught; the run never crashes") {
    for (size_t i = 0; i < good.size(); ++i) {
      std::string b = good;
      b[i] = static_cast<char>(b[i] ^ (1 << (i % 8)));
      Run r = corrupt_run(b);
      INFO("byte " << i);
      CHECK(r.out == "edited\n7\n");
      CHECK(r.rc == 0);
      CHECK(saw(r, events::Import::Stage::kCacheBad));
    }
  }
  SECTION("the bytecode verifier refuses code that would crash the VM") {
    auto code = std::make_shared<compile::CodeObject>(*pyc::read_pyc(good).code);
    code->code[3] = 200;  // LOAD_CONST far out of range
    CHECK_FALSE(pyc::verify_code(*code).empty());
  }
}

TEST_CASE("hash-based caches: checked ones follow the source, unchecked ones do not", "[pyc][import]") {
  for (auto mode : {pyc::Mode::kCheckedHash, pyc::Mode::kUncheckedHash}) {
    fs::MemoryFileSystem files;
    files.write_file("/p/helper.py", "print('one')\n");
    files.write_file("/p/main.py", "import helper\n");
    vm::CompileFileResult c = vm::compile_file(files, "/p/helper.py", mode, true);
    REQUIRE(c.ok);
    pyc::Header h;
    REQUIRE(pyc::read_header(files.read_file(c.cache_path).bytes, &h));
    CHECK(h.hash_based());
    CHECK(h.hash == pyc::source_hash(pyc::kPylifeMagic, "print('one')\n"));
    files.write_file("/p/helper.py", "print('two')\n");
    Run r = run_main(files);
    CHECK(r.out == (mode == pyc::Mode::kCheckedHash ? "two\n" : "one\n"));
  }
}

TEST_CASE("CPython 3.11's own .pyc files disassemble as CPython's dis shows them", "[pyc][golden]") {
  namespace stdfs = std::filesystem;
  int checked = 0;
  for (const auto& entry : stdfs::directory_iterator(test::source_dir() + "/tests/golden/pyc")) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".pyc") continue;
    INFO(name);
    std::string stem = name.substr(0, name.find('.'));
    pyc::ReadResult r = pyc::read_pyc(test::read_repo_file("tests/golden/pyc/" + name));
    REQUIRE(r.ok);
    CHECK(r.header.magic == pyc::kCPython311Magic);
    CHECK(pyc::magic_version(r.header.magic) == "3.11");
    CHECK(r.header.flags == (pyc::kHashBased | pyc::kCheckSource));
    CHECK(without_addresses(compile::format_dis(*r.code)) == test::read_repo_file("tests/golden/pyc/" + stem + ".dis"));
    CHECK(pyc::verify_code(*r.code).empty());
    // Its source hash is the one importlib computed.
    std::string source = test::read_repo_file("tests/programs/" + stem + ".py");
    CHECK(r.header.hash == pyc::source_hash(pyc::kCPython311Magic, source));
    ++checked;
  }
  CHECK(checked >= 6);
}

TEST_CASE("a .pyc is the same bytes on every target: written by one build, loaded by the other", "[pyc][portable]") {
  // tests/golden/pyc/portable/__pycache__/portable.pylife-311.pyc was
  // written by the native build (scripts/golden/pyc.py --pylife); this test
  // runs natively and in wasm.
  const std::string dir = "tests/golden/pyc/portable/";
  const std::string source = test::read_repo_file(dir + "portable.py");
  const std::string golden = test::read_repo_file(dir + "__pycache__/portable.pylife-311.pyc");
  REQUIRE_FALSE(golden.empty());
  fs::MemoryFileSystem files;
  files.write_file("portable.py", source);
  vm::CompileFileResult c = vm::compile_file(files, "portable.py", pyc::Mode::kCheckedHash, true);
  REQUIRE(c.ok);
  CHECK(c.cache_path == "__pycache__/portable.pylife-311.pyc");
  CHECK(files.read_file(c.cache_path).bytes == golden);
  // The golden bytes load and run here.
  fs::MemoryFileSystem run_files;
  run_files.write_file("/p/portable.py", source);
  run_files.write_file("/p/__pycache__/portable.pylife-311.pyc", golden);
  run_files.write_file("/p/main.py", "import portable\nprint(portable.run())\n");
  Run r = run_main(run_files);
  CHECK(r.err.empty());
  CHECK(r.out == "(832040, 12345678901234567891, 1.5, ('tuple', b'bytes', (3+4j)), [0, 4, 16], '7 sides, 13', (3, 11))\n");
  bool hit = false;
  for (const auto& e : r.imports) hit = hit || (e.name == "portable" && e.stage == events::Import::Stage::kCacheHit);
  CHECK(hit);
}
