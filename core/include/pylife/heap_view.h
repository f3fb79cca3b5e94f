// The heap as the Heap panel draws it and `pylife heap` prints it: one
// model for both.  From a step's frames and heap (trace::Session's
// Position): each frame's names, with scalars inline and objects by
// reference, and each object's box with its rows (a dict's `key: value`,
// a list's or tuple's indices, an instance's attributes, a set's members).
// The Learner view keeps what the program's names reach; Internals adds
// what only the VM holds (the operand stack) and the compiler's `.0`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pylife/events.h"

namespace pylife::trace {

// Drawn inline, not as a box: int, float, str, bool, None, complex, bytes.
bool is_scalar(const std::string& type);

struct HeapView {
  // A name in a frame or a row in a box: a scalar's repr, or a reference.
  struct Slot {
    std::string label;    // the name, key repr, index or attribute (empty for a set's member)
    std::string text;     // the scalar's repr (when target is 0)
    uint64_t target = 0;  // the object's id, drawn as a box
  };
  struct Frame {
    std::string code;
    int line = -1;
    int depth = 1;  // 1: the module; the running frame is the deepest
    std::vector<Slot> names;
  };
  struct Box {
    events::Value value;
    std::string title;  // what its head says: the type, or "class Point" for a class
    int generation = -1;
    bool in_cycle = false;
    std::vector<Slot> rows;
    size_t more = 0;                  // rows left out (events::HeapObject::kMaxFields)
    std::vector<uint64_t> other_refs;  // boxes it refers to that no row names
  };
  std::vector<Frame> frames;  // newest (the running frame) first, as the VM panel lists them
  std::vector<Box> boxes;     // in the order the frames reach them
  // The box of [id], or null.
  const Box* box(uint64_t id) const;
};

// A frame's heading: "Global frame" for the module, else its own name
// (its qualified name's last part) and its depth.
std::string frame_title(const HeapView::Frame& frame);

// [scalars_as_objects]: ints, floats, strs, complex numbers and bytes are
// boxes too, reached by arrows, so identity shows (`a is b`, the small-int
// cache, interned strings, aliasing); None and bools stay inline.
HeapView heap_view(const std::vector<events::FrameState>& frames, const std::vector<events::HeapObject>& heap,
                   bool internals, bool scalars_as_objects = false);

// The boxes a search finds (the Heap panel's Find): [query], ignoring
// case, in a box's title or type, in one of its row labels or values, as
// its number ("#3"), or as a frame's name for the object it names.
std::vector<uint64_t> find_boxes(const HeapView& view, const std::string& query);

// What the Heap panel narrows a big heap to: one frame and what its
// names reach, and/or the objects of one type.
struct HeapFilter {
  int depth = 0;     // the frame at this depth (1: the module), and what it reaches; 0: every frame
  std::string type;  // only objects of this type (its `type(x).__name__`); empty: every type
  bool any() const { return depth > 0 || !type.empty(); }
};

// [view] narrowed by [filter]: a reference to an object left out is
// written as the object's repr (as a value past the heap's limit is).
HeapView filter_view(const HeapView& view, const HeapFilter& filter);

// The live objects by type, most first (then by name): what the Heap
// panel's Summary lists, from a step's whole heap (every object the VM
// reported, drawn or not).
std::vector<std::pair<std::string, size_t>> heap_summary(const std::vector<events::HeapObject>& heap);

// As text (`pylife heap`): boxes numbered #1, #2... in order.
std::string format_heap_view(const HeapView& view);
// As JSON (`pylife heap --json`): the same, ids as those numbers.
std::string heap_view_json(const HeapView& view);

}  // namespace pylife::trace
