// Times time travel: a Session over a program of about ten million
// instructions, then seeks to random steps.
//
//   pylife_bench_session [SEEKS]
// Prints "steps N record_seconds R seek_median_ms M seek_max_ms X
// recorder_bytes B".
#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "pylife/source.h"
#include "pylife/trace.h"

int main(int argc, char** argv) {
  int seeks = argc > 1 ? std::stoi(argv[1]) : 15;
  // About 10M instructions: 1.11M iterations of a 9-instruction loop body.
  const char* program =
      "total = 0\n"
      "for i in range(1111110):\n"
      "    total += i % 7\n"
      "print(total)\n";
  auto decoded = pylife::source::decode(program, "<bench>");
  if (!decoded.ok) return 1;
  using clock = std::chrono::steady_clock;
  auto t0 = clock::now();
  pylife::trace::Session session(decoded.source);
  double record = std::chrono::duration<double>(clock::now() - t0).count();
  std::mt19937_64 rng(42);
  std::vector<double> times;
  for (int i = 0; i < seeks; ++i) {
    uint64_t step = 1 + rng() % session.total_steps();
    auto t = clock::now();
    auto pos = session.seek(step);
    times.push_back(std::chrono::duration<double, std::milli>(clock::now() - t).count());
    if (pos.frames.empty()) return 1;
  }
  std::sort(times.begin(), times.end());
  std::cout << "steps " << session.total_steps() << " record_seconds " << record << " seek_median_ms "
            << times[times.size() / 2] << " seek_max_ms " << times.back() << " recorder_bytes "
            << session.history_bytes() << "\n";
  return 0;
}
