// What the VM tells an observer (internal to core/vm): event values, the
// state reader behind events::State, and the detailed events (stack pushes
// and pops, variable stores, allocations, reference counts) an observer
// asks for with wants_details().
#pragma once

#include <string>
#include <unordered_map>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "../runtime/alloc.h"
#include "frame.h"
#include "pylife/events.h"

namespace pylife::vm {

// A repr for events that never runs the program's own code: values of the
// built-in scalar types in full (bounded), anything else by type.
std::string event_repr(Interp& in, Object* o);
events::Value event_value(Interp& in, Object* o);

// A frame entering ([push]) or leaving the frame stack; [suspended]: a
// generator's frame leaving at a yield.
void frame_event(Interp& in, Frame* f, bool push, Object* value, bool raised, bool suspended = false);
void exception_event(Interp& in, Frame* f, events::Exception::Kind kind);
// sys.settrace's events (events::Trace; only with an observer): whether
// the observer traces [code]'s frames; one event of [f] at its current
// instruction; and the call or line event (if any) before [f]'s
// instruction [opcode] runs.
bool traced(Interp& in, CodeObj* code);
void trace_event(Interp& in, Frame* f, events::Trace::Kind kind);
void trace_instruction(Interp& in, Frame* f, int opcode);

// What an observer may read while an event is reported.
class StateReader final : public events::State {
 public:
  explicit StateReader(Interp& in) : in_(in) {}
  std::vector<events::FrameState> frames() const override;
  std::vector<events::HeapObject> heap(size_t limit) const override;
  events::MemoryMap memory() const override;
  events::GcSnapshot gc() const override;

 private:
  // What the box of an object that is shown, not followed, lists: a class
  // statement's own members, a function's defaults and closed-over
  // variables (others: none), in order.
  void class_members(Object* o, const std::function<void(const std::string&, Object*)>& each) const;
  // [h].fields: what the box of [o] lists, over the objects [seen].
  void heap_fields(Object* o, const std::unordered_set<Object*>& seen, events::HeapObject& h) const;
  Interp& in_;
};

// The detailed events of one run.  Each instruction's pops and the
// refcounts of what it can touch are taken before it runs and compared
// when its frame runs again (or leaves); allocations and frees are
// reported as they happen.  Attached as the interpreter's alloc_watch.
class Details final : public AllocWatch {
 public:
  Details(Interp& in, events::Observer& obs);
  ~Details() override;
  Details(const Details&) = delete;
  Details& operator=(const Details&) = delete;

  // Before instruction number in.steps runs in [f] (its stack up to [sp]).
  void before_instruction(Frame* f, Object** sp, int opcode, int oparg);
  // [callee] was pushed (its caller is callee->back); [f] is leaving.
  void frame_pushed(Frame* callee);
  void frame_popped(Frame* f, bool raised, bool suspended);
  // The run ended.
  void finish();

  void allocated(Object* o, size_t size) override;
  void freed(Object* o) override;

 private:
  // An instruction whose effects are not reported yet.
  struct Pending {
    uint64_t step = 0;
    int opcode = 0, oparg = 0;
    int fallthrough = 0;  // the code unit after it (did it jump?)
    int depth = 0;        // the frame's depth
    std::vector<Object*> stack;           // the operand stack before it ran
    std::vector<events::Value> values;    // the same, as values
    bool pops_done = false;               // pops reported (a call or yield left the frame)
    int base = 0;                         // then: the stack depth they left
  };
  void detach();
  void start();
  bool active() const;
  void report_pops(Pending& p, int from, int to);
  void settle(Frame* f, Object** sp);
  void settle_counts(Frame* now, Object** sp);
  void snapshot_counts(Frame* f, Object** sp);
  void store_event(const Pending& p, Frame* f);

  Interp& in_;
  events::Observer& obs_;
  std::unordered_map<Frame*, Pending> pending_;
  // Reference counts before the last instruction, of what it could touch.
  std::unordered_map<Object*, int64_t> counts_;
  uint64_t counts_step_ = 0;
  Frame* counts_frame_ = nullptr;
  std::unordered_set<Object*> born_, dead_;  // during that instruction
  bool started_ = false;  // the first observed step has come
  // The allocator's arenas and pools as they come and go.
  struct MemoryWatch final : memory::Watch {
    Details* owner = nullptr;
    void changed(const events::MemoryChange& change) override;
  } memory_watch_;
};

// The interpreter's Details, or null (its alloc_watch is always one).
inline Details* details(Interp& in) { return static_cast<Details*>(in.alloc_watch); }

}  // namespace pylife::vm
