// Times the heap's layout (trace::layout_heap) of big heaps: a binary tree
// of N objects with a back reference from every seventh, fresh and laid
// out again from the step before (one object more).
//
//   pylife_bench_heap [N...]
// Prints "objects N edges E layout_ms M relayout_ms R" for each N.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "pylife/heap_layout.h"

namespace {

using pylife::trace::HeapView;

HeapView tree(size_t n) {
  HeapView v;
  std::mt19937_64 rng(7);
  auto id = [](size_t i) { return static_cast<uint64_t>(i + 1) * 16; };
  HeapView::Frame f;
  f.code = "<module>";
  f.line = 1;
  for (size_t i = 0; i < 10 && i < n; ++i) f.names.push_back({"root" + std::to_string(i), "", id(i)});
  f.names.push_back({"count", std::to_string(n), 0});
  v.frames.push_back(f);
  for (size_t i = 0; i < n; ++i) {
    HeapView::Box b;
    b.value = {"Node", "<Node object>", 1, id(i), false};
    b.title = "Node";
    b.rows.push_back({"value", std::to_string(i), 0});
    if (2 * i + 1 < n) b.rows.push_back({"left", "", id(2 * i + 1)});
    if (2 * i + 2 < n) b.rows.push_back({"right", "", id(2 * i + 2)});
    if (i % 7 == 6) b.rows.push_back({"parent", "", id(rng() % i)});
    v.boxes.push_back(std::move(b));
  }
  return v;
}

double median_ms(const std::vector<double>& t) {
  std::vector<double> s = t;
  std::sort(s.begin(), s.end());
  return s[s.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoul(argv[i]));
  if (sizes.empty()) sizes = {1000, 10000};
  using clock = std::chrono::steady_clock;
  for (size_t n : sizes) {
    HeapView before = tree(n - 1), now = tree(n);
    std::vector<double> fresh, again;
    size_t edges = 0;
    for (int r = 0; r < 7; ++r) {
      auto t0 = clock::now();
      auto a = pylife::trace::layout_heap(before);
      fresh.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
      auto t1 = clock::now();
      auto b = pylife::trace::layout_heap(now, &a);
      again.push_back(std::chrono::duration<double, std::milli>(clock::now() - t1).count());
      edges = b.edges.size();
    }
    std::cout << "objects " << n << " edges " << edges << " layout_ms " << median_ms(fresh) << " relayout_ms "
              << median_ms(again) << "\n";
  }
  return 0;
}
