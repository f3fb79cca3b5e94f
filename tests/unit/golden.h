// Helpers for tests that compare against CPython-generated golden files.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

namespace pylife::test {

// The repository's root, baked in at build time.
inline std::string source_dir() {
  return PYLIFE_SOURCE_DIR;
}

// The whole file at [path] (relative to the repository root) as bytes;
// empty if it cannot be read.
inline std::string read_repo_file(const std::string& path) {
  std::ifstream in(source_dir() + "/" + path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Bytes from the hex digits golden files use for arbitrary text.
inline std::string unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

}  // namespace pylife::test
