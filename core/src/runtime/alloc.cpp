// The small-object allocator (see alloc.h).  As pymalloc: each pool
// starts with its header; a pool in use is on its size class's list while
// it has a free block ("usedpools"); a pool that empties goes back to its
// arena; new pools come from the arena with the fewest free pools, so the
// others can empty and be returned to the system.
#include "alloc.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <vector>

namespace pylife::runtime::memory {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPooled = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kPooled = false;
#else
constexpr bool kPooled = true;
#endif
#else
constexpr bool kPooled = true;
#endif

struct Arena;

struct Pool {  // at the start of its 16 KiB
  uint32_t used = 0;        // blocks handed out
  uint32_t size_class = 0;
  void* freeblock = nullptr;  // freed blocks, linked through their first word
  uint32_t nextoffset = 0;    // the next never-used block
  uint32_t maxnextoffset = 0;
  Pool* next = nullptr;  // usedpools list of its class, or its arena's free pools
  Pool* prev = nullptr;
  Arena* arena = nullptr;
  uint32_t index = 0;  // in its arena
};
constexpr uint32_t kHeader = (sizeof(Pool) + kGrain - 1) / kGrain * kGrain;

struct Arena {
  char* base = nullptr;
  uint64_t id = 0;
  uint32_t nfreepools = 0;
  uint32_t carved = 0;         // pools initialised so far (the rest never touched)
  Pool* freepools = nullptr;   // emptied pools
  size_t slot = 0;             // in Heap::arenas
};

uint32_t block_size(uint32_t cls) { return (cls + 1) * static_cast<uint32_t>(kGrain); }
uint32_t capacity(uint32_t cls) { return (static_cast<uint32_t>(kPoolSize) - kHeader) / block_size(cls); }

struct Heap {
  Pool* usedpools[kClasses] = {};
  std::vector<Arena*> arenas;  // live ones, in the order they were made
  uint64_t arenas_made = 0, arenas_freed = 0;
  uint64_t large_objects = 0, large_bytes = 0;
  Watch* watch = nullptr;
  Arena* spare = nullptr;  // an empty arena kept for reuse

  void tell(events::MemoryChange::Kind kind, const Arena* a, int pool, int cls) {
    if (!watch) return;
    events::MemoryChange c;
    c.kind = kind;
    c.arena = a->id;
    c.pool = pool;
    c.size_class = cls;
    watch->changed(c);
  }

  Arena* new_arena() {
    void* mem = std::aligned_alloc(kPoolSize, kArenaSize);
    if (!mem) return nullptr;
    auto* a = new Arena();
    a->base = static_cast<char*>(mem);
    a->id = ++arenas_made;
    a->nfreepools = static_cast<uint32_t>(kPoolsPerArena);
    a->slot = arenas.size();
    arenas.push_back(a);
    tell(events::MemoryChange::Kind::kArenaNew, a, -1, -1);
    return a;
  }

  void free_arena(Arena* a) {
    tell(events::MemoryChange::Kind::kArenaFreed, a, -1, -1);
    arenas.erase(arenas.begin() + static_cast<std::ptrdiff_t>(a->slot));
    for (size_t i = a->slot; i < arenas.size(); ++i) arenas[i]->slot = i;
    std::free(a->base);
    delete a;
    ++arenas_freed;
  }

  // A pool for size class [cls], from the fullest arena that has room.
  Pool* new_pool(uint32_t cls) {
    Arena* best = nullptr;
    for (Arena* a : arenas) {
      if (a->nfreepools && (!best || a->nfreepools < best->nfreepools)) best = a;
    }
    if (!best) best = new_arena();
    if (!best) return nullptr;
    Pool* p;
    if (best == spare) spare = nullptr;
    if (best->freepools) {
      p = best->freepools;
      best->freepools = p->next;
    } else {
      p = reinterpret_cast<Pool*>(best->base + static_cast<size_t>(best->carved) * kPoolSize);
      p->arena = best;
      p->index = best->carved++;
    }
    --best->nfreepools;
    p->used = 0;
    p->size_class = cls;
    p->freeblock = nullptr;
    p->nextoffset = kHeader;
    p->maxnextoffset = static_cast<uint32_t>(kPoolSize) - block_size(cls);
    link(p, cls);
    tell(events::MemoryChange::Kind::kPoolNew, best, static_cast<int>(p->index), static_cast<int>(cls));
    return p;
  }

  void link(Pool* p, uint32_t cls) {
    p->prev = nullptr;
    p->next = usedpools[cls];
    if (p->next) p->next->prev = p;
    usedpools[cls] = p;
  }
  void unlink(Pool* p) {
    if (p->prev) p->prev->next = p->next;
    else usedpools[p->size_class] = p->next;
    if (p->next) p->next->prev = p->prev;
    p->next = p->prev = nullptr;
  }
  static bool full(const Pool* p) { return !p->freeblock && p->nextoffset > p->maxnextoffset; }

  void* alloc(size_t size) {
    auto cls = static_cast<uint32_t>((size + kGrain - 1) / kGrain - 1);
    Pool* p = usedpools[cls];
    if (!p && !(p = new_pool(cls))) return nullptr;
    void* block;
    if (p->freeblock) {
      block = p->freeblock;
      p->freeblock = *static_cast<void**>(block);
    } else {
      block = reinterpret_cast<char*>(p) + p->nextoffset;
      p->nextoffset += block_size(cls);
    }
    ++p->used;
    if (full(p)) unlink(p);
    return block;
  }

  void free(void* block) {
    auto* p = reinterpret_cast<Pool*>(reinterpret_cast<uintptr_t>(block) & ~(uintptr_t{kPoolSize} - 1));
    bool was_full = full(p);
    *static_cast<void**>(block) = p->freeblock;
    p->freeblock = block;
    if (--p->used == 0) {
      if (!was_full) unlink(p);
      Arena* a = p->arena;
      tell(events::MemoryChange::Kind::kPoolFreed, a, static_cast<int>(p->index), static_cast<int>(p->size_class));
      p->next = a->freepools;
      a->freepools = p;
      // An emptied arena goes back to the system, but one is kept for
      // reuse so a loop at an arena's edge does not make and free one
      // per iteration (CPython does the same since 3.9).
      if (++a->nfreepools == kPoolsPerArena) {
        if (spare) free_arena(spare);
        spare = a;
      }
      return;
    }
    if (was_full) link(p, p->size_class);
  }
};

Heap& heap() {
  thread_local Heap h;
  return h;
}

}  // namespace

void* allocate(size_t size) {
  if (kPooled && size <= kMaxSmall) {
    if (void* p = heap().alloc(size)) return p;
    throw std::bad_alloc();
  }
  Heap& h = heap();
  ++h.large_objects;
  h.large_bytes += size;
  return ::operator new(size);
}

void release(void* p, size_t size) {
  if (kPooled && size <= kMaxSmall) {
    heap().free(p);
    return;
  }
  Heap& h = heap();
  --h.large_objects;
  h.large_bytes -= size;
  ::operator delete(p);
}

void set_watch(Watch* watch) { heap().watch = watch; }

bool pooled() { return kPooled; }

events::MemoryMap snapshot() {
  Heap& h = heap();
  events::MemoryMap m;
  m.arena_size = kArenaSize;
  m.pool_size = kPoolSize;
  m.arenas_allocated = h.arenas_made;
  m.arenas_freed = h.arenas_freed;
  m.large_objects = h.large_objects;
  m.large_bytes = h.large_bytes;
  m.classes.resize(kClasses);
  for (uint32_t c = 0; c < kClasses; ++c) m.classes[c].block_size = block_size(c);
  for (const Arena* a : h.arenas) {
    events::ArenaState as;
    as.id = a->id;
    as.pools.resize(kPoolsPerArena);
    for (uint32_t i = 0; i < a->carved; ++i) {
      auto* p = reinterpret_cast<const Pool*>(a->base + static_cast<size_t>(i) * kPoolSize);
      if (p->used == 0) continue;  // on the arena's free list
      auto& ps = as.pools[i];
      ps.size_class = static_cast<int>(p->size_class);
      ps.used = p->used;
      ps.capacity = capacity(p->size_class);
      auto& cs = m.classes[p->size_class];
      ++cs.pools;
      cs.used += p->used;
      cs.free += ps.capacity - p->used;
    }
    m.arenas.push_back(std::move(as));
  }
  return m;
}

std::string debug_stats() {
  events::MemoryMap m = snapshot();
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "Small block threshold = %zu, in %zu size classes.\n\n", kMaxSmall, kClasses);
  out += line;
  out += "class   size   num pools   blocks in use  avail blocks\n"
         "-----   ----   ---------   -------------  ------------\n";
  uint64_t used_bytes = 0, free_bytes = 0, pools = 0;
  for (size_t c = 0; c < m.classes.size(); ++c) {
    const auto& cs = m.classes[c];
    if (!cs.pools) continue;
    std::snprintf(line, sizeof line, "%5zu %6u %11llu %15llu %13llu\n", c, cs.block_size,
                  static_cast<unsigned long long>(cs.pools), static_cast<unsigned long long>(cs.used),
                  static_cast<unsigned long long>(cs.free));
    out += line;
    used_bytes += cs.used * cs.block_size;
    free_bytes += cs.free * cs.block_size;
    pools += cs.pools;
  }
  auto row = [&](const std::string& label, unsigned long long v) {
    std::snprintf(line, sizeof line, "%-36s = %18llu\n", label.c_str(), v);
    out += line;
  };
  out += "\n";
  row("# arenas allocated total", m.arenas_allocated);
  row("# arenas reclaimed", m.arenas_freed);
  row("# arenas allocated current", m.arenas.size());
  row(std::to_string(m.arenas.size()) + " arenas * " + std::to_string(kArenaSize) + " bytes/arena",
      m.arenas.size() * kArenaSize);
  out += "\n";
  row("# bytes in allocated blocks", used_bytes);
  row("# bytes in available blocks", free_bytes);
  row("# pools in use", pools);
  row("# bytes lost to pool headers", pools * kHeader);
  row("# objects from the system allocator", m.large_objects);
  row("# bytes from the system allocator", m.large_bytes);
  return out;
}

}  // namespace pylife::runtime::memory
