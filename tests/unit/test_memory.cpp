// The memory lifecycle: the cycle collector's events and state as an
// observer and a Session see them, the small-object allocator's arenas
// and pools, and "Collect now".  (What gc and weakref do for programs is
// checked against CPython by tests/programs.)
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "../../core/src/runtime/alloc.h"
#include "pylife/events.h"
#include "pylife/source.h"
#include "pylife/trace.h"
#include "pylife/vm.h"

namespace {

namespace events = pylife::events;

struct Outcome {
  std::string out;
  pylife::vm::RunResult result;
};

Outcome run(const std::string& text, events::Observer* obs = nullptr, std::vector<uint64_t> collect_at = {}) {
  auto decoded = pylife::source::decode(text, "<test>");
  REQUIRE(decoded.ok);
  Outcome o;
  pylife::vm::Io io;
  io.out = [&](std::string_view s) { o.out.append(s); };
  io.err = [&](std::string_view s) { o.out.append(s); };
  pylife::vm::RunOptions options;
  options.argv = {"<test>"};
  options.observer = obs;
  options.collect_at = std::move(collect_at);
  o.result = pylife::vm::run_program(decoded.source, options, io);
  return o;
}

pylife::trace::Session session_for(const std::string& text) {
  auto decoded = pylife::source::decode(text, "<test>");
  REQUIRE(decoded.ok);
  return pylife::trace::Session(decoded.source);
}

const char* kCycle =
    "import gc\n"
    "class Node:\n"
    "    pass\n"
    "a = Node()\n"
    "b = Node()\n"
    "a.other = b\n"
    "b.other = a\n"
    "keep = [a]\n"
    "del a, b\n"
    "print(gc.collect())\n"
    "keep.clear()\n"
    "print(gc.collect())\n";

class Collections final : public events::Observer {
 public:
  bool details = true;
  std::vector<events::GcCollection> seen;
  bool wants_details() const override { return details; }
  void on_gc_collect(const events::GcCollection& e) override { seen.push_back(e); }
};

}  // namespace

TEST_CASE("a collection is reported with every object it examined, phase by phase", "[memory][gc]") {
  Collections obs;
  Outcome o = run(kCycle, &obs);
  CHECK(o.out == "0\n2\n");
  // The two gc.collect() calls, then the two final collections at exit
  // (after sys.modules is emptied, and after the globals of the modules
  // still alive are cleared).
  std::vector<const events::GcCollection*> calls;
  for (const auto& c : obs.seen) {
    if (c.reason == events::GcCollection::Reason::kCollectCall) calls.push_back(&c);
  }
  REQUIRE(calls.size() == 2);
  const auto& first = *calls[0];
  const auto& second = *calls[1];
  REQUIRE(obs.seen.size() >= 4);
  CHECK(obs.seen[obs.seen.size() - 2].reason == events::GcCollection::Reason::kFinal);
  CHECK(first.reason == events::GcCollection::Reason::kCollectCall);
  CHECK(first.generation == 2);
  CHECK(first.collected == 0);
  CHECK(second.collected == 2);
  CHECK(second.unreachable == 2);
  CHECK(obs.seen.back().reason == events::GcCollection::Reason::kFinal);
  // The two nodes: unreachable, freed, each refers to the other, and
  // their gc_refs went from their refcount (1) to 0.
  int nodes = 0;
  for (const auto& s : second.objects) {
    if (s.type != "Node") continue;
    ++nodes;
    CHECK(s.unreachable);
    CHECK(s.freed);
    CHECK(s.refcount == 1);
    CHECK(s.gc_refs == 0);
    CHECK_FALSE(s.refs.empty());
  }
  CHECK(nodes == 2);
  CHECK(second.examined == static_cast<int64_t>(second.objects.size()));
  for (int i = 0; i < 3; ++i) CHECK(second.counts_after[i] == (i == 0 ? 0 : second.counts_after[i]));
  // In the first collection the nodes were still reachable from `keep`.
  for (const auto& s : first.objects) {
    if (s.type == "Node") CHECK_FALSE(s.unreachable);
  }
  CHECK(o.result.objects_left == 0);
}

TEST_CASE("without details a collection is reported as a summary", "[memory][gc]") {
  Collections obs;
  obs.details = false;
  run(kCycle, &obs);
  REQUIRE(obs.seen.size() >= 4);
  const auto& second = obs.seen[obs.seen.size() - 3];
  CHECK(second.reason == events::GcCollection::Reason::kCollectCall);
  CHECK(second.collected == 2);
  CHECK(second.objects.empty());
}

TEST_CASE("a finalizer that saves its object: finalized, resurrected, not freed", "[memory][gc]") {
  Collections obs;
  Outcome o = run(
      "import gc\n"
      "saved = []\n"
      "class P:\n"
      "    def __del__(self):\n"
      "        saved.append(self)\n"
      "p = P()\n"
      "p.me = p\n"
      "del p\n"
      "print(gc.collect(), len(saved))\n",
      &obs);
  CHECK(o.out == "0 1\n");
  bool found = false;
  for (const auto& c : obs.seen) {
    for (const auto& s : c.objects) {
      if (s.type == "P" && s.finalized) {
        found = true;
        CHECK(s.unreachable);
        CHECK(s.resurrected);
        CHECK_FALSE(s.freed);
      }
    }
  }
  CHECK(found);
}

TEST_CASE("Collect now: a full collection before a chosen step, kept by every replay", "[memory][gc][session]") {
  const std::string program =
      "class D:\n"
      "    def __del__(self):\n"
      "        print('freed')\n"
      "d = D()\n"
      "d.me = d\n"
      "del d\n"
      "x = 1\n"
      "y = 2\n"
      "print('end')\n";
  auto session = session_for(program);
  // Without a collection the cycle lives to the final collection.
  CHECK(session.output() == "end\nfreed\n");
  uint64_t at = 0;
  for (uint64_t s = 1; s <= session.total_steps(); ++s) {
    if (session.seek(s).line == 7) {
      at = s;
      break;
    }
  }
  REQUIRE(at > 0);
  session.collect_at(at);
  CHECK(session.output() == "freed\nend\n");
  auto pos = session.seek(at);
  REQUIRE(pos.collection);
  CHECK(pos.collection->reason == events::GcCollection::Reason::kRequested);
  CHECK(pos.collection->collected == 1);
  bool listed = std::any_of(session.collections().begin(), session.collections().end(),
                            [&](const auto& c) { return c.step + 1 == at && c.generation == 2; });
  CHECK(listed);
  CHECK(session.requested_collections() == std::vector<uint64_t>{at});
}

TEST_CASE("a position shows the generations and the heap's cycles", "[memory][gc][session]") {
  auto session = session_for(
      "a = []\n"
      "a.append(a)\n"
      "b = [1]\n"
      "c = 3\n");
  auto pos = session.seek(session.total_steps());
  bool cyclic = false, plain = false;
  for (const auto& h : pos.heap) {
    if (h.value.type != "list") continue;
    if (h.in_cycle) cyclic = true;
    else plain = true;
    CHECK(h.generation >= 0);
  }
  CHECK(cyclic);
  CHECK(plain);
  const auto& g0 = pos.gc.generations[0];
  CHECK(g0.threshold == 700);
  CHECK(pos.gc.generations[1].threshold == 10);
  CHECK(g0.size >= 2);
  CHECK(std::count_if(g0.objects.begin(), g0.objects.end(), [](const auto& o) { return o.type == "list"; }) >= 2);
  if (pylife::runtime::memory::pooled()) CHECK_FALSE(pos.memory.arenas.empty());
}

TEST_CASE("the allocator: pools by size class in arenas, emptied arenas returned", "[memory][alloc]") {
  namespace memory = pylife::runtime::memory;
  if (!memory::pooled()) {
    WARN("AddressSanitizer build: every object comes from the system allocator");
    return;
  }
  auto before = memory::snapshot();
  REQUIRE(before.classes.size() == memory::kClasses);
  CHECK(before.classes[0].block_size == 16);
  CHECK(before.classes.back().block_size == 512);
  // 64-byte blocks for more than six arenas (more than the room left in
  // the arenas there are).
  std::vector<void*> blocks;
  for (int i = 0; i < 100000; ++i) blocks.push_back(memory::allocate(64));
  auto full = memory::snapshot();
  CHECK(full.classes[3].used == before.classes[3].used + 100000);
  CHECK(full.arenas_allocated > before.arenas_allocated);
  CHECK(full.arenas.size() >= 7);
  for (const auto& a : full.arenas) {
    REQUIRE(a.pools.size() == memory::kPoolsPerArena);
    for (const auto& p : a.pools) {
      if (p.size_class >= 0) CHECK(p.used <= p.capacity);
    }
  }
  std::string text = memory::debug_stats();
  CHECK(text.find("Small block threshold = 512, in 32 size classes.") == 0);
  CHECK(text.find("   64 ") != std::string::npos);
  for (void* b : blocks) memory::release(b, 64);
  auto after = memory::snapshot();
  CHECK(after.classes[3].used == before.classes[3].used);
  // All but one spare of the emptied arenas went back to the system.
  CHECK(after.arenas_freed >= full.arenas_freed + 1);
  CHECK(after.arenas.size() <= before.arenas.size() + 1);
  // Large objects come from the system allocator.
  void* big = memory::allocate(4096);
  CHECK(memory::snapshot().large_objects == after.large_objects + 1);
  memory::release(big, 4096);
}

TEST_CASE("the allocator's arenas and pools are reported as they come and go", "[memory][alloc]") {
  class Watch final : public events::Observer {
   public:
    std::vector<events::MemoryChange> changes;
    bool wants_details() const override { return true; }
    void on_memory(const events::MemoryChange& c) override { changes.push_back(c); }
  } obs;
  if (!pylife::runtime::memory::pooled()) return;
  run("x = [[i] for i in range(20000)]\ndel x\n", &obs);
  auto count = [&](events::MemoryChange::Kind k) {
    return std::count_if(obs.changes.begin(), obs.changes.end(), [&](const auto& c) { return c.kind == k; });
  };
  CHECK(count(events::MemoryChange::Kind::kPoolNew) > 10);
  CHECK(count(events::MemoryChange::Kind::kPoolFreed) > 10);
  CHECK(count(events::MemoryChange::Kind::kArenaNew) >= 1);
  for (const auto& c : obs.changes) CHECK(c.step > 0);
}

TEST_CASE("gc.set_debug(DEBUG_STATS | DEBUG_COLLECTABLE) writes CPython's lines to stderr", "[memory][gc]") {
  Outcome o = run(
      "import gc\n"
      "gc.collect()\n"
      "a = []\n"
      "a.append(a)\n"
      "del a\n"
      "gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)\n"
      "n = gc.collect()\n"
      "gc.set_debug(0)\n"
      "print(n)\n");
  CHECK(o.out.find("gc: collecting generation 2...\ngc: objects in each generation: ") == 0);
  CHECK(o.out.find("\ngc: objects in permanent generation: 0\n") != std::string::npos);
  CHECK(o.out.find("gc: collectable <list 0x") != std::string::npos);
  CHECK(o.out.find("gc: done, 1 unreachable, 0 uncollectable, ") != std::string::npos);
  CHECK(o.out.substr(o.out.size() - 2) == "1\n");
}
