// list.sort's algorithm as CPython 3.11 runs it (Objects/listobject.c,
// Objects/listsort.txt): natural runs extended to minrun by binary
// insertion, merged in powersort's order, with galloping and the adaptive
// min_gallop.  The same comparisons in the same order as CPython, so a key
// or __lt__ that prints, counts or raises sees exactly what it sees there,
// and a failed sort leaves the same partial order behind.
//
// timsort(a, n, less): sorts a[0..n) stably; less(x, y) is 1 when x < y,
// 0 when not, -1 when the comparison raised (the sort stops and returns
// false, the array a permutation of what it held).  One sort for every
// comparison (the items are indices, less a callable behind one pointer):
// a single copy of the code in the wasm download.
#pragma once

#include <cstddef>

namespace pylife::runtime {

// A reference to a callable int(size_t, size_t).
struct SortLess {
  void* callable;
  int (*call)(void*, size_t, size_t);
};

bool timsort(size_t* base, size_t n, SortLess less);

template <class F>
bool timsort(size_t* base, size_t n, F less) {
  return timsort(base, n, SortLess{&less, [](void* f, size_t x, size_t y) { return (*static_cast<F*>(f))(x, y); }});
}

}  // namespace pylife::runtime
