// The small-object allocator (CPython's Objects/obmalloc.c, "pymalloc"):
// objects of up to 512 bytes come from 16 KiB pools of equal blocks, one
// size class per pool (16, 32, … 512 bytes), carved out of 1 MiB arenas
// taken from the system; bigger objects go to the system allocator.  An
// arena whose pools are all empty goes back to the system.  Each thread
// has its own arenas (objects are freed on the thread that made them).
// Under AddressSanitizer everything goes to the system allocator, so
// use-after-free stays visible.
#pragma once

#include <cstddef>
#include <string>

#include "pylife/events.h"

namespace pylife::runtime::memory {

inline constexpr size_t kMaxSmall = 512;
inline constexpr size_t kGrain = 16;
inline constexpr size_t kClasses = kMaxSmall / kGrain;
inline constexpr size_t kPoolSize = 16 * 1024;
inline constexpr size_t kArenaSize = 1024 * 1024;
inline constexpr size_t kPoolsPerArena = kArenaSize / kPoolSize;

void* allocate(size_t size);
void release(void* p, size_t size);
// False under AddressSanitizer: every object from the system allocator
// (no arenas or pools to show).
bool pooled();

// The arenas, their pools and the size classes as they are now.
events::MemoryMap snapshot();
// sys._debugmallocstats()'s text.
std::string debug_stats();

// Told about arenas and pools as they come and go (set while an observer
// wants details; null: nobody).
struct Watch {
  virtual ~Watch() = default;
  virtual void changed(const events::MemoryChange& change) = 0;
};
void set_watch(Watch* watch);

}  // namespace pylife::runtime::memory
