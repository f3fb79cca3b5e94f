// Recording a run's events (core/src/trace): an events::Observer that keeps
// every event compactly in memory, for the visualizer's history and for
// measuring what full tracing costs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pylife/events.h"

namespace pylife::trace {

// Which of the VM's events::Trace a sys.settrace tracer on [file] sees:
// those of the frames of [file] (and, with [user_dir], of the program's
// own modules there) up to the end of its module code (not the teardown
// after it).  `pylife trace --lines` prints them for the file alone; the
// visualizer steps through them for the learner's files.
class LineFilter {
 public:
  explicit LineFilter(std::string file, std::string user_dir = "")
      : file_(std::move(file)), user_dir_(user_dir.empty() ? "" : std::move(user_dir) + "/") {}
  bool traces_file(std::string_view filename) const {
    return filename == file_ || (!user_dir_.empty() && filename.substr(0, user_dir_.size()) == user_dir_);
  }
  // Whether [e] is one of them (call in order).
  bool keep(const events::Trace& e) {
    if (done_) return false;
    if (e.kind == events::Trace::Kind::kReturn && e.depth == 1) done_ = true;
    return true;
  }

 private:
  std::string file_, user_dir_;
  bool done_ = false;
};

// "EVENT FUNCTION LINE", as a tracer printing event, frame.f_code.co_name
// and frame.f_lineno writes it.
std::string line_text(const events::Trace& e);

class Recorder final : public events::Observer {
 public:
  // One executed instruction, as step() rebuilds it.
  struct Step {
    uint32_t code = 0;  // index into codes()
    uint32_t offset = 0;
    int32_t arg = 0;
    int32_t line = -1;
    uint8_t op = 0;  // opcode (opname() names it)
    int depth = 0;   // frames on the stack
    int stack = 0;   // operand stack entries before it ran
  };
  // Anything else, in order, with the step it happened at (24 bytes; the
  // texts share one buffer).
  struct Event {
    enum class Kind : uint8_t { kCall, kReturn, kUnwind, kRaised, kCaught, kPropagated, kStdout, kStderr, kExit };
    uint64_t step;
    uint32_t code;      // kCall..kPropagated
    int32_t number;     // line, or the exit status
    uint32_t text_at = 0;  // see text()
    uint32_t text_size : 24 = 0;
    Kind kind : 8;
  };

  bool on_step(uint64_t step, uint32_t code_id, int offset, int depth) override;
  void on_instruction(const events::Instruction& e) override;
  void on_frame_push(const events::Frame& e) override;
  void on_frame_pop(const events::Frame& e) override;
  void on_exception(const events::Exception& e) override;
  void on_output(const events::Output& e) override;
  void on_terminate(const events::Terminate& e) override;

  // Instructions recorded; step(i) is the (i+1)-th.
  uint64_t step_count() const { return steps_.size(); }
  Step step(uint64_t i) const;
  uint64_t event_count() const { return events_.size(); }
  const Event& event(uint64_t i) const { return events_[i]; }
  // An event's return value, exception "Type: message" or output.
  std::string_view text(const Event& e) const { return std::string_view(texts_).substr(e.text_at, e.text_size); }
  const std::vector<std::string>& codes() const { return codes_; }
  static std::string_view opname(uint8_t op);
  // Bytes held by the recording.
  size_t memory_bytes() const;

 private:
  // What never changes for an instruction of a code object: recorded the
  // first time it runs, so a step itself is 4 bytes (code, code unit).
  struct Static {
    int32_t arg = 0;
    int32_t line = -1;
    uint16_t stack = 0;
    uint8_t op = 0;
    bool seen = false;
  };
  static constexpr unsigned kUnitBits = 20;  // code units per code object before the escape
  static constexpr uint32_t kEscape = 0xFFFFFFFFu;

  // A vector that grows by whole chunks: nothing is copied or
  // over-allocated as a long recording grows.
  template <typename T>
  class Chunked {
   public:
    static constexpr size_t kChunk = size_t{1} << 18;
    void push_back(const T& v) {
      if (size_ % kChunk == 0) {
        chunks_.emplace_back();
        chunks_.back().reserve(kChunk);
      }
      chunks_.back().push_back(v);
      ++size_;
    }
    uint64_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T& operator[](uint64_t i) const { return chunks_[i / kChunk][i % kChunk]; }
    const T& back() const { return chunks_.back().back(); }
    size_t memory_bytes() const { return chunks_.size() * kChunk * sizeof(T); }

   private:
    std::vector<std::vector<T>> chunks_;
    uint64_t size_ = 0;
  };

  uint32_t code_index(std::string_view name);
  uint32_t code_index(uint32_t code_id, std::string_view name);
  void push(uint32_t code, uint32_t unit, int depth);
  void add(Event::Kind kind, uint64_t step, uint32_t code, int32_t number, std::string_view text);
  Chunked<uint32_t> steps_;  // code << kUnitBits | unit, or kEscape
  std::vector<std::pair<uint64_t, uint64_t>> escaped_;  // step index -> code << 32 | unit
  std::vector<std::vector<Static>> statics_;           // per code index, per code unit
  Chunked<uint64_t> depths_;  // step index << 16 | depth: from that step on, that many frames
  Chunked<Event> events_;
  std::string texts_;
  std::vector<std::string> codes_;
  uint32_t last_code_id_ = 0, last_code_ = 0;
  std::vector<uint32_t> by_code_id_;  // events' code_id -> index into codes_ + 1 (0: not yet)
};

}  // namespace pylife::trace

#include <optional>

#include "pylife/fs.h"
#include "pylife/source.h"

namespace pylife::trace {

// Time travel by deterministic replay: a Session owns a program and its
// inputs and can show the state before any step.  The first run records
// what the program read (stdin lines) and the line and depth of every
// step; seek(n) replays from the start with a step budget of n and reads
// the state there.  (Checkpoints, for long runs, are still to come.)
class Session {
 public:
  // What the previous step did, for panels that animate it.
  struct Change {
    enum class Kind { kPush, kPop, kStore, kDelete, kAlloc, kFree, kIncref, kDecref, kCall, kReturn };
    Kind kind;
    int depth = 0;        // the frame's (push, pop, store, call, return)
    int position = 0;     // stack slot (push, pop)
    uint64_t id = 0;      // the object (0: none)
    int64_t count = 0;    // the refcount after it (incref, decref)
    std::string type;     // the object's type, or the code's name (call, return)
    std::string text;     // its repr, or the variable's name (store, delete)
  };

  struct Position {
    uint64_t step = 0;  // the instruction about to run (1-based); 0 before the start
    bool finished = false;  // past the last instruction
    std::vector<events::FrameState> frames;  // innermost first
    std::vector<events::HeapObject> heap;    // what the frames reach
    std::vector<Change> changes;             // what step - 1 did
    std::string output;  // stdout and stderr so far, interleaved
    std::string code, opname, argrepr;
    int line = -1, offset = 0, oparg = 0;
    int end_line = -1, col = -1, end_col = -1;  // the instruction's source span (UTF-8 byte columns)
    events::GcSnapshot gc;     // the collector's generations
    events::MemoryMap memory;  // the allocator's arenas and pools
    // The latest collection since the line before this one started (with
    // every examined object), or none; and the arenas and pools the step
    // before made or freed.
    std::optional<events::GcCollection> collection;
    std::vector<events::MemoryChange> memory_changes;
  };
  // A position shows a collection that ran since the start of the line
  // before it, at most this many steps back.
  static constexpr uint64_t kCollectionShown = 5000;
  // A collection of the run, as the timeline marks it.
  struct Collection {
    uint64_t step = 0;  // it ran during this step (total_steps() + 1: at exit)
    int generation = 0;
    int64_t collected = 0;
    events::GcCollection::Reason reason = events::GcCollection::Reason::kAutomatic;
  };

  // [stdin] holds the program's input lines (read by input()); [files]
  // (may be null) and [script_dir] are where `import name` finds the
  // program's own modules (the disk natively, memory in the browser).
  Session(source::Source source, std::vector<std::string> stdin_lines = {},
          uint64_t max_steps = 50'000'000, const fs::FileSystem* files = nullptr, std::string script_dir = "");

  // One of the events a sys.settrace tracer sees of the program's own
  // frames (what `pylife trace --lines` prints, and the program's modules
  // in its script directory too): the visualizer's line
  // steps.  Call and line events come before instruction [step], return
  // and exception ones while it runs (seek(step) shows the frame still
  // there).
  struct LineEvent {
    uint64_t step = 0;
    events::Trace::Kind kind = events::Trace::Kind::kLine;
    uint16_t depth = 0;  // the frame's (1: the module)
    int line = -1;       // frame.f_lineno
    uint32_t code = 0;   // index into line_codes(): co_name
  };
  const std::vector<LineEvent>& line_events() const { return lines_; }
  const std::vector<std::string>& line_codes() const { return line_codes_; }
  // The last line event at or before instruction [step] (0 when none).
  size_t line_event_at(uint64_t step) const;
  // "Type: message" of the exception raised during instruction [step]
  // (an exception event's), or empty.
  std::string raised_at(uint64_t step) const;

  // Bytes the per-step history takes.
  size_t history_bytes() const { return steps_.capacity() * sizeof(StepInfo); }

  // The collections of the run, in order.
  const std::vector<Collection>& collections() const { return collections_; }
  // The import system's steps (with the .pyc files read and written), and
  // the teardown after the last instruction, in order.
  const std::vector<events::Import>& imports() const { return imports_; }
  const std::vector<events::Teardown>& teardown() const { return teardown_; }
  // Runs a full collection before step [step] (the visualizer's "Collect
  // now") and records the run again with it; the steps after it change.
  void collect_at(uint64_t step);
  const std::vector<uint64_t>& requested_collections() const { return collect_at_; }
  // Raises KeyboardInterrupt before step [step] (the visualizer's "Ctrl-C
  // here", 0: none) and records the run again with it.
  void interrupt_at(uint64_t step);
  uint64_t interrupted_at() const { return interrupt_at_; }
  // Runs the program once; the number of steps, its exit status and output.
  uint64_t total_steps() const { return total_; }
  int exit_code() const { return exit_code_; }
  const std::string& output() const { return output_; }

  Position seek(uint64_t step) const;
  // Steps relative to [from]: the next instruction, the next step on
  // another line (entering calls), the next step on another line at the
  // same depth or shallower, the first step after the current frame
  // returns; and the same backwards.  Each returns a step number.
  uint64_t step_instruction(uint64_t from) const;
  uint64_t step_line(uint64_t from) const;
  uint64_t step_over(uint64_t from) const;
  uint64_t step_out(uint64_t from) const;
  uint64_t step_back(uint64_t from) const;
  uint64_t step_back_line(uint64_t from) const;
  // The first step after [from] on [line], or total_steps() + 1.
  uint64_t run_to_line(uint64_t from, int line) const;

  // 4 bytes a step (10M steps: 40 MB).  Lines past 65534 are stored as
  // 65534 (line stepping in such files is approximate).
  struct StepInfo {
    uint16_t line_plus_one;  // 0: no line
    uint16_t depth;
    int line() const { return static_cast<int>(line_plus_one) - 1; }
  };

 private:
  source::Source source_;
  std::vector<std::string> stdin_;
  uint64_t max_steps_;
  const fs::FileSystem* files_;
  std::string script_dir_;
  uint64_t total_ = 0;
  int exit_code_ = 0;
  std::string output_;
  std::vector<StepInfo> steps_;  // index step - 1
  std::vector<LineEvent> lines_;
  std::vector<std::string> line_codes_;
  std::vector<std::pair<uint64_t, std::string>> raised_;  // step, "Type: message" (the first 10000)
  std::vector<Collection> collections_;
  std::vector<events::Import> imports_;
  std::vector<events::Teardown> teardown_;
  std::vector<uint64_t> collect_at_;  // requested collections (ascending)
  uint64_t interrupt_at_ = 0;         // requested KeyboardInterrupt (0: none)
  void record();
  // The first step of the line run before the one [step] is on.
  uint64_t previous_line_start(uint64_t step) const;
};

}  // namespace pylife::trace
