// Times pylife's front end (decode + tokenize + parse) over a list of
// files, for bench/run to compare with CPython's ast.parse.
//
//   pylife_bench_parse LISTFILE [REPEAT]
// Prints "files N lines L seconds S" for the best of REPEAT runs.
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "pylife/parse.h"
#include "pylife/source.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: pylife_bench_parse LISTFILE [REPEAT]\n";
    return 2;
  }
  int repeat = argc > 2 ? std::stoi(argv[2]) : 3;
  std::ifstream list(argv[1]);
  std::vector<std::pair<std::string, std::string>> files;
  size_t lines = 0;
  for (std::string path; std::getline(list, path);) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (char c : bytes) lines += c == '\n';
    files.emplace_back(path, std::move(bytes));
  }
  double best = 1e100;
  size_t parsed = 0;
  for (int r = 0; r < repeat; ++r) {
    auto start = std::chrono::steady_clock::now();
    parsed = 0;
    for (const auto& [path, bytes] : files) {
      auto decoded = pylife::source::decode(bytes, path, {.escape_invalid_utf8 = true});
      if (!decoded.ok) continue;
      auto result = pylife::parse::parse(decoded.source);
      parsed += result.ok;
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (s < best) best = s;
  }
  std::cout << "files " << files.size() << " parsed " << parsed << " lines " << lines << " seconds "
            << best << "\n";
  return 0;
}
