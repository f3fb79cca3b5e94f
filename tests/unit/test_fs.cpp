// File-system interfaces and pylife::source::read.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "pylife/fs.h"
#include "pylife/source.h"

using pylife::source::ReadSourceResult;

TEST_CASE("MemoryFileSystem stores, replaces and reports missing files", "[fs]") {
  pylife::fs::MemoryFileSystem mem;
  mem.write_file("lesson/main.py", "print(1)\n");
  auto ok = mem.read_file("lesson/main.py");
  REQUIRE(ok.ok);
  CHECK(ok.bytes == "print(1)\n");
  mem.write_file("lesson/main.py", "print(2)\n");
  CHECK(mem.read_file("lesson/main.py").bytes == "print(2)\n");

  auto missing = mem.read_file("nope.py");
  REQUIRE_FALSE(missing.ok);
  CHECK(missing.error.describe() == "[Errno 2] No such file or directory");
  auto dir = mem.read_file("lesson");
  REQUIRE_FALSE(dir.ok);
  CHECK(dir.error.describe() == "[Errno 21] Is a directory");
}

TEST_CASE("DiskFileSystem reads bytes exactly and reports errno text", "[fs]") {
  namespace stdfs = std::filesystem;
  stdfs::path dir = stdfs::temp_directory_path() / "pylife-test-fs";
  stdfs::create_directories(dir);
  stdfs::path file = dir / "crlf.py";
  {
    std::ofstream out(file, std::ios::binary);
    out << "x = 1\r\ny = '\xc3\xa9'\r\n";
  }
  pylife::fs::DiskFileSystem disk;
  auto r = disk.read_file(file.string());
  REQUIRE(r.ok);
  CHECK(r.bytes == "x = 1\r\ny = '\xc3\xa9'\r\n");
  CHECK(disk.read_file((dir / "absent.py").string()).error.describe() ==
        "[Errno 2] No such file or directory");
  CHECK(disk.read_file(dir.string()).error.describe() == "[Errno 21] Is a directory");

  auto src = pylife::source::read(disk, file.string());
  REQUIRE(src.status == ReadSourceResult::Status::kOk);
  CHECK(pylife::source::split_lines(src.source.text).size() == 2);
  stdfs::remove_all(dir);
}

TEST_CASE("source::read separates OS errors from SyntaxErrors", "[fs][source]") {
  pylife::fs::MemoryFileSystem mem;
  mem.write_file("bad.py", "x = '\xff'\n");
  CHECK(pylife::source::read(mem, "bad.py").status == ReadSourceResult::Status::kSyntaxError);
  CHECK(pylife::source::read(mem, "none.py").status == ReadSourceResult::Status::kOsError);
}
