// Helpers for tests that compare against CPython-generated golden files.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

namespace pylife::test {

// The repository's root, baked in at build time.
inline std::string source_dir() { return PYLIFE_SOURCE_DIR; }

// The whole file at [path] (relative to the repository root) as bytes;
// empty if it cannot be read.
inline std::string read_repo_file(const std::string& path) {
  std::ifstream in(source_dir() + "/" + path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace pylife::test
