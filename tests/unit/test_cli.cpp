// The `pylife` command line: version, help, and its exit-status contract.
#include <catch2/catch.hpp>

#include <sstream>

#include "../../core/src/runtime/alloc.h"
#include "cli.h"
#include "pylife/version.h"

namespace {

// Runs the CLI on an in-memory file system; captures output and status.
struct CliRun {
  int status = -1;
  std::string out, err;
};

CliRun run_cli(std::vector<std::string> args, const pylife::fs::FileSystem& files,
               bool with_gui = false) {
  std::ostringstream out, err;
  pylife::cli::Host host;
  host.files = &files;
  host.out = &out;
  host.err = &err;
  if (with_gui) host.gui = [](const pylife::cli::GuiOptions&) { return 7; };
  CliRun r;
  r.status = pylife::cli::run(args, host);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace

TEST_CASE("pylife --version and --help", "[cli]") {
  pylife::fs::MemoryFileSystem mem;
  auto v = run_cli({"--version"}, mem);
  CHECK(v.status == 0);
  CHECK(v.out == "pylife " + std::string(pylife::kVersion) + " (Python 3.11)\n");
  auto h = run_cli({"--help"}, mem);
  CHECK(h.status == 0);
  for (auto name : {"run", "tokens", "ast", "dis", "compile", "pyc", "trace", "gui"}) {
    CHECK(h.out.find("  " + std::string(name) + " ") != std::string::npos);
  }
  auto none = run_cli({}, mem);
  CHECK(none.status == 2);
  CHECK(none.err.find("usage: pylife") == 0);
}

TEST_CASE("misuse exits 2 with a clear message", "[cli]") {
  pylife::fs::MemoryFileSystem mem;
  auto unknown = run_cli({"frobnicate"}, mem);
  CHECK(unknown.status == 2);
  CHECK(unknown.err == "pylife: unknown command 'frobnicate'\n(try 'pylife --help')\n");
  auto flag = run_cli({"--frob"}, mem);
  CHECK(flag.status == 2);
  CHECK(flag.err.find("unknown option '--frob'") != std::string::npos);
  auto nofile = run_cli({"dis"}, mem);
  CHECK(nofile.status == 2);
  CHECK(nofile.err.find("dis needs a FILE") != std::string::npos);
}

TEST_CASE("a missing program file is reported as python3 does", "[cli]") {
  pylife::fs::MemoryFileSystem mem;
  auto r = run_cli({"run", "missing.py"}, mem);
  CHECK(r.status == 2);
  CHECK(r.err == "pylife: can't open file 'missing.py': [Errno 2] No such file or directory\n");
}

TEST_CASE("an undecodable program is a SyntaxError with exit 1", "[cli]") {
  pylife::fs::MemoryFileSystem mem;
  mem.write_file("bad.py", "# coding: klingon\n");
  auto r = run_cli({"dis", "bad.py"}, mem);
  CHECK(r.status == 1);
  CHECK(r.err == "SyntaxError: encoding problem: klingon\n");
}

TEST_CASE("gui checks its file and uses the host's launcher", "[cli]") {
  pylife::fs::MemoryFileSystem mem;
  mem.write_file("ok.py", "x = 1\n");
  CHECK(run_cli({"gui", "ok.py"}, mem, true).status == 7);
  CHECK(run_cli({"gui"}, mem, true).status == 7);
  CHECK(run_cli({"gui", "missing.py"}, mem, true).status == 2);
  auto headless = run_cli({"gui"}, mem, false);
  CHECK(headless.status == 2);
  CHECK(headless.err.find("no desktop visualizer") != std::string::npos);
}

TEST_CASE("trace shows the collector's collections and, asked, the allocator's pools", "[cli][gc]") {
  pylife::fs::MemoryFileSystem mem;
  mem.write_file("cycle.py",
                 "import gc\n"
                 "a = []\n"
                 "a.append(a)\n"
                 "del a\n"
                 "gc.collect()\n");
  auto r = run_cli({"trace", "cycle.py", "--events", "gc"}, mem);
  CHECK(r.status == 0);
  CHECK(r.out.find("gc start generation 2") != std::string::npos);
  CHECK(r.out.find("gc collect generation 2 (gc.collect()): 1 collected") != std::string::npos);
  CHECK(r.out.find("gc collect generation 2 (final): 0 collected") != std::string::npos);
  auto json = run_cli({"trace", "cycle.py", "--events", "gc", "--json"}, mem);
  CHECK(json.out.find("\"event\":\"gc\",\"generation\":2,\"reason\":\"gc.collect()\",\"examined\":") != std::string::npos);
  CHECK(json.out.find("\"unreachable\":1,\"collected\":1,\"uncollectable\":0}") != std::string::npos);
  mem.write_file("many.py", "x = [[i] for i in range(5000)]\n");
  auto m = run_cli({"trace", "many.py", "--events", "memory"}, mem);
  if (pylife::runtime::memory::pooled()) CHECK(m.out.find("memory pool new (arena ") != std::string::npos);
}
