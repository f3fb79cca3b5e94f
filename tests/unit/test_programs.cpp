// Every program of tests/programs run on pylife's VM against what CPython
// 3.11 printed for it (tests/golden/programs, from scripts/gen-golden):
// stdout, stderr and the exit status must be identical, and after the run
// the objects the program made must all be gone (the leak test: after
// teardown and the final collection, cycles included).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "../../core/src/runtime/alloc.h"
#include "golden.h"
#include "pylife/source.h"
#include "pylife/trace.h"
#include "pylife/vm.h"

namespace {

namespace stdfs = std::filesystem;

struct Outcome {
  int status = 0;
  std::string out, err;
  int64_t objects_left = 0;
};

// Runs [where]/[name] the way `python3 WHERE/NAME.py` runs from the
// repository root.
Outcome run_program(const std::string& name, const std::string& where = "tests/programs",
                    pylife::events::Observer* observer = nullptr) {
  std::string rel = where + "/" + name;
  std::string root = pylife::test::source_dir();
  std::string bytes = pylife::test::read_repo_file(rel);
  std::string input = pylife::test::read_repo_file(where + "/" + name.substr(0, name.size() - 3) + ".in");
  Outcome o;
  auto decoded = pylife::source::decode(bytes, rel);
  REQUIRE(decoded.ok);
  decoded.source.filename = root + "/" + rel;
  pylife::fs::DiskFileSystem disk;
  size_t input_pos = 0;
  pylife::vm::Io io;
  io.out = [&](std::string_view s) { o.out += s; };
  io.err = [&](std::string_view s) { o.err += s; };
  io.read_line = [&]() -> std::optional<std::string> {
    if (input_pos >= input.size()) return std::nullopt;
    size_t nl = input.find('\n', input_pos);
    std::string line = input.substr(input_pos, nl == std::string::npos ? std::string::npos : nl - input_pos);
    input_pos = nl == std::string::npos ? input.size() : nl + 1;
    return line;
  };
  // A deterministic clock: time moves on by sleeps and a millisecond per
  // reading; the wall clock starts at 2026-11-29.
  double now = 0;
  io.clock = [&now] { return now += 0.001; };
  io.wall_clock = [&now] { return 1795900000.0 + now; };
  io.sleep = [&now](double s) { now += s; };
  io.files = &disk;
  pylife::vm::RunOptions options;
  options.argv = {rel};
  options.script_dir = root + "/" + where;
  options.observer = observer;
  stdfs::path saved = stdfs::current_path();
  stdfs::current_path(pylife::test::source_dir());
  auto r = pylife::vm::run_program(decoded.source, options, io);
  stdfs::current_path(saved);
  o.status = r.exit_code;
  o.objects_left = r.objects_left;
  // The goldens write the checkout's root as <ROOT>.
  for (std::string* text : {&o.out, &o.err}) {
    for (size_t at; (at = text->find(root)) != std::string::npos;) text->replace(at, root.size(), "<ROOT>");
  }
  return o;
}

// Under GC stress the programs that print the collector's counts or
// generations see its extra collections; the rest must not notice them.
// Under AddressSanitizer (no pools: freed addresses are quarantined) a
// program showing that a freed block is reused cannot see it.
bool schedule_dependent(const std::string& text) {
  if (!pylife::runtime::memory::pooled() && text.find("same address") != std::string::npos) return true;
  return pylife::vm::gc_stress_build() &&
         (text.find("gc.get_count()") != std::string::npos || text.find("gc.get_objects(") != std::string::npos);
}

}  // namespace

TEST_CASE("tests/programs run exactly as on CPython 3.11", "[programs][golden]") {
  stdfs::path dir = stdfs::path(pylife::test::source_dir()) / "tests/programs";
  std::vector<std::string> names;
  for (const auto& entry : stdfs::directory_iterator(dir)) {
    std::string n = entry.path().filename().string();
    if (entry.path().extension() == ".py" && n.rfind("mod_", 0) != 0) names.push_back(n);
  }
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 150);
  int identical = 0;
  for (const auto& name : names) {
    std::string stem = "tests/golden/programs/" + name.substr(0, name.size() - 3);
    std::string want_out = pylife::test::read_repo_file(stem + ".out");
    std::string want_err = pylife::test::read_repo_file(stem + ".err");
    int want_rc = std::stoi(pylife::test::read_repo_file(stem + ".rc"));
    Outcome got = run_program(name);
    INFO("program " << name);
    if (schedule_dependent(pylife::test::read_repo_file("tests/programs/" + name))) {
      CHECK(got.objects_left == 0);
      ++identical;
      continue;
    }
    CHECK(got.out == want_out);
    CHECK(got.err == want_err);
    CHECK(got.status == want_rc);
    INFO("objects left: " << got.objects_left);
    CHECK(got.objects_left == 0);
    identical += got.out == want_out && got.err == want_err && got.status == want_rc;
  }
  CHECK(identical == static_cast<int>(names.size()));
}

// Every NAME.py of [where] against tests/golden/[golden]/NAME.*; at
// least [minimum] of them.
static void check_program_set(const std::string& where, const std::string& golden, size_t minimum) {
  stdfs::path dir = stdfs::path(pylife::test::source_dir()) / where;
  std::vector<std::string> names;
  for (const auto& entry : stdfs::directory_iterator(dir)) {
    if (entry.path().extension() == ".py") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= minimum);
  for (const auto& name : names) {
    std::string stem = "tests/golden/" + golden + "/" + name.substr(0, name.size() - 3);
    Outcome got = run_program(name, where);
    INFO(where << "/" << name);
    CHECK(got.objects_left == 0);
    if (schedule_dependent(pylife::test::read_repo_file(where + "/" + name))) continue;
    CHECK(got.out == pylife::test::read_repo_file(stem + ".out"));
    CHECK(got.err == pylife::test::read_repo_file(stem + ".err"));
    CHECK(got.status == std::stoi(pylife::test::read_repo_file(stem + ".rc")));
  }
}

TEST_CASE("the lesson programs of public/examples run exactly as on CPython 3.11", "[programs][golden]") {
  check_program_set("public/examples", "examples", 10);
}

TEST_CASE("the course exercises of tests/programs/course run exactly as on CPython 3.11", "[programs][golden]") {
  check_program_set("tests/programs/course", "course", 7);
}

namespace {

// What `pylife trace --lines` prints: sys.settrace's events of the
// program's own frames.
class LineEvents final : public pylife::events::Observer {
 public:
  explicit LineEvents(std::string file) : filter_(std::move(file)) {}
  bool traces_file(std::string_view filename) override { return filter_.traces_file(filename); }
  void on_trace(const pylife::events::Trace& e) override {
    if (filter_.keep(e)) text += pylife::trace::line_text(e) + "\n";
  }
  std::string text;

 private:
  pylife::trace::LineFilter filter_;
};

// tests/golden/lines-known.txt: the programs whose events differ still.
std::vector<std::string> known_line_differences() {
  std::vector<std::string> out;
  std::istringstream in(pylife::test::read_repo_file("tests/golden/lines-known.txt"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line.substr(0, line.find(' ')));
  }
  return out;
}

}  // namespace

TEST_CASE("sys.settrace's line events are CPython 3.11's for every program and example", "[programs][golden][lines]") {
  const std::string stopped = "# the tracer stopped here";
  auto known = known_line_differences();
  REQUIRE(known.size() < 20);
  size_t checked = 0, same = 0;
  for (auto [where, golden] : {std::pair<std::string, std::string>{"tests/programs", "programs"},
                               {"public/examples", "examples"},
                               {"tests/programs/course", "course"}}) {
    std::vector<std::string> names;
    for (const auto& entry : stdfs::directory_iterator(stdfs::path(pylife::test::source_dir()) / where)) {
      std::string n = entry.path().filename().string();
      if (entry.path().extension() == ".py" && n.rfind("mod_", 0) != 0) names.push_back(n);
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      std::string want = pylife::test::read_repo_file("tests/golden/" + golden + "/" + name.substr(0, name.size() - 3) + ".lines");
      LineEvents events(pylife::test::source_dir() + "/" + where + "/" + name);
      run_program(name, where, &events);
      std::string got = events.text;
      // CPython's tracer died at the recursion limit: what it saw up to there.
      if (auto at = want.find(stopped); at != std::string::npos) {
        want.resize(at);
        size_t lines = static_cast<size_t>(std::count(want.begin(), want.end(), '\n'));
        size_t cut = 0;
        for (size_t k = 0; k < lines && cut < got.size(); ++k) {
          size_t end = got.find('\n', cut);
          cut = end == std::string::npos ? got.size() : end + 1;
        }
        got.resize(cut);
#if defined(__EMSCRIPTEN__)
        // The engine's stack holds fewer nested calls through built-ins
        // than CPython's recursion limit (kMaxEvalDepth): the events must
        // be CPython's up to where pylife's RecursionError was raised.
        if (auto raised = got.find("\nexception "); raised != std::string::npos && raised + 1 < want.size()) {
          got.resize(raised + 1);
          want.resize(raised + 1);
        }
#endif
      }
      ++checked;
      INFO(where << "/" << name);
      bool is_known = std::find(known.begin(), known.end(), where + "/" + name) != known.end();
      if (is_known) {
        CHECK(got != want);  // fixed? then remove it from lines-known.txt
        continue;
      }
      if (got != want) {
        // The first event that differs, for the report.
        size_t k = 0;
        while (k < got.size() && k < want.size() && got[k] == want[k]) ++k;
        size_t line_start = want.rfind('\n', k == 0 ? 0 : k - 1);
        line_start = line_start == std::string::npos ? 0 : line_start + 1;
        INFO("first difference at event " << std::count(want.begin(), want.begin() + static_cast<long>(line_start), '\n') + 1
             << ": want '" << want.substr(line_start, want.find('\n', line_start) - line_start) << "', got '"
             << got.substr(line_start, got.find('\n', line_start) - line_start) << "'");
        CHECK(got == want);
      } else {
        ++same;
      }
    }
  }
  CHECK(checked >= 370);
  CHECK(same + known.size() == checked);
}
