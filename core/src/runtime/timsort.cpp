// list.sort's timsort, as CPython 3.11's Objects/listobject.c (see timsort.h).
#include "timsort.h"

#include <utility>
#include <vector>

namespace pylife::runtime {

namespace {

class TimSort {
  using T = size_t;

 public:
  TimSort(T* base, ptrdiff_t n, SortLess less) : base_(base), n_(n), less_(less) {}

  bool run() {
    if (n_ < 2) return true;
    ptrdiff_t minrun = compute_minrun(n_);
    ptrdiff_t lo = 0, remaining = n_;
    while (remaining) {
      bool descending = false;
      ptrdiff_t n = count_run(lo, lo + remaining, &descending);
      if (n < 0) return false;
      if (descending) reverse(lo, lo + n);
      if (n < minrun) {
        ptrdiff_t force = remaining <= minrun ? remaining : minrun;
        if (!binarysort(lo, lo + force, lo + n)) return false;
        n = force;
      }
      if (!found_new_run(n)) return false;
      pending_.push_back({lo, n, 0});
      lo += n;
      remaining -= n;
    }
    while (pending_.size() > 1) {  // merge_force_collapse
      ptrdiff_t k = static_cast<ptrdiff_t>(pending_.size()) - 2;
      if (k > 0 && pending_[k - 1].len < pending_[k + 1].len) --k;
      if (!merge_at(k)) return false;
    }
    return true;
  }

 private:
  static constexpr ptrdiff_t kMinGallop = 7;
  struct Run {
    ptrdiff_t base, len;
    int power;
  };

  // 1, 0 or -1 (raised).
  int lt(const T& x, const T& y) { return less_.call(less_.callable, x, y); }

  static ptrdiff_t compute_minrun(ptrdiff_t n) {
    ptrdiff_t r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  void reverse(ptrdiff_t lo, ptrdiff_t hi) {
    for (--hi; lo < hi; ++lo, --hi) std::swap(base_[lo], base_[hi]);
  }

  ptrdiff_t count_run(ptrdiff_t lo, ptrdiff_t hi, bool* descending) {
    ++lo;
    if (lo == hi) return 1;
    ptrdiff_t n = 2;
    int k = lt(base_[lo], base_[lo - 1]);
    if (k < 0) return -1;
    if (k) {
      *descending = true;
      for (lo = lo + 1; lo < hi; ++lo, ++n) {
        k = lt(base_[lo], base_[lo - 1]);
        if (k < 0) return -1;
        if (!k) break;
      }
    } else {
      for (lo = lo + 1; lo < hi; ++lo, ++n) {
        k = lt(base_[lo], base_[lo - 1]);
        if (k < 0) return -1;
        if (k) break;
      }
    }
    return n;
  }

  // [lo, start) is sorted; insert each of [start, hi) by binary search.
  bool binarysort(ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t start) {
    if (lo == start) ++start;
    for (; start < hi; ++start) {
      ptrdiff_t l = lo, r = start;
      T pivot = base_[r];
      do {
        ptrdiff_t p = l + ((r - l) >> 1);
        int k = lt(pivot, base_[p]);
        if (k < 0) return false;
        if (k) {
          r = p;
        } else {
          l = p + 1;
        }
      } while (l < r);
      for (ptrdiff_t p = start; p > l; --p) base_[p] = base_[p - 1];
      base_[l] = pivot;
    }
    return true;
  }

  // The powersort "power" of the boundary between two adjacent runs.
  int powerloop(ptrdiff_t s1, ptrdiff_t n1, ptrdiff_t n2) const {
    int result = 0;
    ptrdiff_t a = 2 * s1 + n1, b = a + n1 + n2;
    for (;;) {
      ++result;
      if (a >= n_) {
        a -= n_;
        b -= n_;
      } else if (b >= n_) {
        break;
      }
      a <<= 1;
      b <<= 1;
    }
    return result;
  }

  bool found_new_run(ptrdiff_t n2) {
    if (pending_.empty()) return true;
    const Run& last = pending_.back();
    int power = powerloop(last.base, last.len, n2);
    while (pending_.size() > 1 && pending_[pending_.size() - 2].power > power) {
      if (!merge_at(static_cast<ptrdiff_t>(pending_.size()) - 2)) return false;
    }
    pending_.back().power = power;
    return true;
  }

  // Where key goes in the sorted a[0..n): the leftmost place (gallop_left,
  // before equal items) or the rightmost (gallop_right); hint is where to
  // start looking.  -1 when a comparison raised.
  ptrdiff_t gallop_left(const T& key, const T* a, ptrdiff_t n, ptrdiff_t hint) {
    const T* p = a + hint;
    ptrdiff_t lastofs = 0, ofs = 1;
    int k = lt(*p, key);
    if (k < 0) return -1;
    if (k) {  // a[hint] < key: gallop right
      ptrdiff_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = lt(p[ofs], key);
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {  // key <= a[hint]: gallop left
      ptrdiff_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = lt(*(p - ofs), key);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      ptrdiff_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    }
    ++lastofs;
    while (lastofs < ofs) {
      ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
      k = lt(a[m], key);
      if (k < 0) return -1;
      if (k) {
        lastofs = m + 1;
      } else {
        ofs = m;
      }
    }
    return ofs;
  }

  ptrdiff_t gallop_right(const T& key, const T* a, ptrdiff_t n, ptrdiff_t hint) {
    const T* p = a + hint;
    ptrdiff_t lastofs = 0, ofs = 1;
    int k = lt(key, *p);
    if (k < 0) return -1;
    if (k) {  // key < a[hint]: gallop left
      ptrdiff_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = lt(key, *(p - ofs));
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      ptrdiff_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    } else {  // a[hint] <= key: gallop right
      ptrdiff_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = lt(key, p[ofs]);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
      k = lt(key, a[m]);
      if (k < 0) return -1;
      if (k) {
        ofs = m;
      } else {
        lastofs = m + 1;
      }
    }
    return ofs;
  }

  // Merges the runs pending_[i] and pending_[i + 1].
  bool merge_at(ptrdiff_t i) {
    ptrdiff_t a = pending_[i].base, na = pending_[i].len;
    ptrdiff_t b = pending_[i + 1].base, nb = pending_[i + 1].len;
    pending_[i].len = na + nb;
    pending_.erase(pending_.begin() + i + 1);
    // Items of a before b[0]'s place are already where they belong.
    ptrdiff_t k = gallop_right(base_[b], base_ + a, na, 0);
    if (k < 0) return false;
    a += k;
    na -= k;
    if (na == 0) return true;
    // Items of b after a[-1]'s place likewise.
    nb = gallop_left(base_[a + na - 1], base_ + b, nb, nb - 1);
    if (nb <= 0) return nb == 0;
    return na <= nb ? merge_lo(a, na, b, nb) : merge_hi(a, na, b, nb);
  }

  // na <= nb: a is copied aside and merged from the left.
  bool merge_lo(ptrdiff_t a0, ptrdiff_t na, ptrdiff_t b0, ptrdiff_t nb) {
    tmp_.assign(base_ + a0, base_ + a0 + na);
    T* dest = base_ + a0;
    T* ssa = tmp_.data();
    T* ssb = base_ + b0;
    bool ok = true;
    ptrdiff_t min_gallop = min_gallop_;
    *dest++ = *ssb++;
    if (--nb == 0) goto succeed;
    if (na == 1) goto copy_b;
    for (;;) {
      ptrdiff_t acount = 0, bcount = 0;
      for (;;) {
        int k = lt(*ssb, *ssa);
        if (k < 0) goto fail;
        if (k) {
          *dest++ = *ssb++;
          ++bcount;
          acount = 0;
          if (--nb == 0) goto succeed;
          if (bcount >= min_gallop) break;
        } else {
          *dest++ = *ssa++;
          ++acount;
          bcount = 0;
          if (--na == 1) goto copy_b;
          if (acount >= min_gallop) break;
        }
      }
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        ptrdiff_t k = gallop_right(*ssb, ssa, na, 0);
        acount = k;
        if (k) {
          if (k < 0) goto fail;
          for (ptrdiff_t j = 0; j < k; ++j) *dest++ = *ssa++;
          na -= k;
          if (na == 1) goto copy_b;
          if (na == 0) goto succeed;  // only with an inconsistent __lt__
        }
        *dest++ = *ssb++;
        if (--nb == 0) goto succeed;
        k = gallop_left(*ssa, ssb, nb, 0);
        bcount = k;
        if (k) {
          if (k < 0) goto fail;
          for (ptrdiff_t j = 0; j < k; ++j) *dest++ = *ssb++;
          nb -= k;
          if (nb == 0) goto succeed;
        }
        *dest++ = *ssa++;
        if (--na == 1) goto copy_b;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;
      min_gallop_ = min_gallop;
    }
  fail:
    ok = false;
  succeed:
    for (ptrdiff_t j = 0; j < na; ++j) dest[j] = ssa[j];
    return ok;
  copy_b:
    // The last item of a belongs after the rest of b.
    for (ptrdiff_t j = 0; j < nb; ++j) dest[j] = ssb[j];
    dest[nb] = *ssa;
    return true;
  }

  // na > nb: b is copied aside and merged from the right.
  bool merge_hi(ptrdiff_t a0, ptrdiff_t na, ptrdiff_t b0, ptrdiff_t nb) {
    tmp_.assign(base_ + b0, base_ + b0 + nb);
    T* basea = base_ + a0;
    T* baseb = tmp_.data();
    T* dest = base_ + b0 + nb - 1;
    T* ssb = baseb + nb - 1;
    T* ssa = basea + na - 1;
    bool ok = true;
    ptrdiff_t min_gallop = min_gallop_;
    *dest-- = *ssa--;
    if (--na == 0) goto succeed;
    if (nb == 1) goto copy_a;
    for (;;) {
      ptrdiff_t acount = 0, bcount = 0;
      for (;;) {
        int k = lt(*ssb, *ssa);
        if (k < 0) goto fail;
        if (k) {
          *dest-- = *ssa--;
          ++acount;
          bcount = 0;
          if (--na == 0) goto succeed;
          if (acount >= min_gallop) break;
        } else {
          *dest-- = *ssb--;
          ++bcount;
          acount = 0;
          if (--nb == 1) goto copy_a;
          if (bcount >= min_gallop) break;
        }
      }
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        ptrdiff_t k = gallop_right(*ssb, basea, na, na - 1);
        if (k < 0) goto fail;
        k = na - k;
        acount = k;
        if (k) {
          dest -= k;
          ssa -= k;
          for (ptrdiff_t j = k; j >= 1; --j) dest[j] = ssa[j];
          na -= k;
          if (na == 0) goto succeed;
        }
        *dest-- = *ssb--;
        if (--nb == 1) goto copy_a;
        k = gallop_left(*ssa, baseb, nb, nb - 1);
        if (k < 0) goto fail;
        k = nb - k;
        bcount = k;
        if (k) {
          dest -= k;
          ssb -= k;
          for (ptrdiff_t j = 1; j <= k; ++j) dest[j] = ssb[j];
          nb -= k;
          if (nb == 1) goto copy_a;
          if (nb == 0) goto succeed;  // only with an inconsistent __lt__
        }
        *dest-- = *ssa--;
        if (--na == 0) goto succeed;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;
      min_gallop_ = min_gallop;
    }
  fail:
    ok = false;
  succeed:
    for (ptrdiff_t j = 0; j < nb; ++j) dest[-(nb - 1) + j] = baseb[j];
    return ok;
  copy_a:
    // The first item of b belongs before the rest of a.
    for (ptrdiff_t j = 0; j > -na; --j) dest[j] = ssa[j];  // memmove, right to left
    dest -= na;
    ssa -= na;
    *dest = *ssb;
    return true;
  }

  T* base_;
  ptrdiff_t n_;
  SortLess less_;
  ptrdiff_t min_gallop_ = kMinGallop;
  std::vector<Run> pending_;
  std::vector<T> tmp_;
};

}  // namespace

bool timsort(size_t* base, size_t n, SortLess less) { return TimSort(base, static_cast<ptrdiff_t>(n), less).run(); }

}  // namespace pylife::runtime
