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
Outcome run_program(const std::string& name, const std::string& where = "tests/programs") {
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
