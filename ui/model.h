// The view model under the VM panels: the editor's program run once as a
// trace::Session, the step on screen, breakpoints and playback.  Plain
// data and decisions about *where* to go; every fact about the program
// (frames, stack, heap, output) comes from the core's Session.  No ImGui
// here, so it is tested directly (tests/unit/test_ui_model.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pylife/source.h"
#include "pylife/trace.h"

namespace pylife::ui {

// An input box's text as stdin lines (one answer a line; a last line
// without a newline counts, an empty text gives none).
std::vector<std::string> stdin_lines(std::string_view text);

class RunModel {
 public:
  // Runs [src] once (at most [max_steps] instructions: a runaway program
  // keeps the history up to there) with [input] as its stdin lines, and
  // shows the state before its first instruction.
  // [files] and [script_dir]: where its own modules are imported from
  // (the disk natively, memory in the browser; null: none).
  void start(const source::Source& src, std::vector<std::string> input = {},
             uint64_t max_steps = 10'000'000, const fs::FileSystem* files = nullptr, std::string script_dir = "");
  // Forgets the run (the program no longer compiles, or was edited).
  void clear();
  bool ready() const { return session_ != nullptr; }
  // The program's filename (its frames are the ones with line markers).
  const std::string& filename() const { return source_.filename; }

  // The step on screen: before instruction step() runs; total() + 1 is
  // after the last one (the program has ended).
  uint64_t step() const { return at_.step; }
  uint64_t total() const { return session_ ? session_->total_steps() : 0; }
  bool finished() const { return at_.finished; }
  const trace::Session::Position& at() const { return at_; }
  int exit_code() const { return session_ ? session_->exit_code() : 0; }
  // Everything the run wrote (stdout and stderr, interleaved).
  const std::string& final_output() const;
  // Whether the run ended because input() found no more lines.
  bool waiting_for_input() const;
  const std::vector<std::string>& input() const { return input_; }
  // Adds an input line and runs the program again, back at the same step.
  void add_input(std::string line);
  // The program's stdin lines become [lines] (the learner's answers given
  // up front): it runs again with them, back at the same step.
  void set_input(std::vector<std::string> lines);
  // Runs a full collection (gc.collect()) before the step on screen, as
  // if the program had asked: the run is recorded again with it and the
  // panels show what it freed.
  bool collect_now();
  const std::vector<trace::Session::Collection>& collections() const;
  // Stops the program here as Ctrl-C stops CPython: KeyboardInterrupt is
  // raised before the step on screen (the run is recorded again; handlers,
  // finally blocks and atexit callbacks still run).  False at the end.
  bool interrupt_now();
  // The imports of the run (stages, .pyc bytes) and its teardown.
  const std::vector<events::Import>& imports() const;
  const std::vector<events::Teardown>& teardown() const;
  // Whether the budget stopped the run (an infinite loop, a deep recursion).
  bool stopped_by_budget() const { return session_ && session_->total_steps() >= max_steps_; }

  // How far a step goes: by line (the default), through exactly the
  // events a sys.settrace tracer sees of the program's own frames (call,
  // line, return, exception: `pylife trace --lines`), or by instruction
  // (the Bytecode and VM views' mode).
  enum class Granularity { kLine, kInstruction };
  void set_granularity(Granularity g);
  Granularity granularity() const { return granularity_; }
  bool by_line() const { return granularity_ == Granularity::kLine; }
  using LineEvent = trace::Session::LineEvent;
  const std::vector<LineEvent>& events() const;
  // The line event on screen (by line; by instruction: the last one at or
  // before the step), or null when the run has none.
  const LineEvent* event() const;
  // By line, and the state on screen is that event's (a seek by
  // instruction may land inside a line).
  bool on_event() const;
  size_t event_index() const { return event_; }
  // co_name of [e]'s frame.
  const std::string& event_code(const LineEvent& e) const;
  // "step position() of length()" in the current granularity: line events
  // or instructions (length() + 1 is the end, after the last instruction,
  // by instruction only).
  uint64_t position() const;
  uint64_t length() const;
  // The line that runs next and the one that just ran in the same frame
  // (0: none), for the code pane's two markers.
  int next_line() const;
  int last_line() const;
  // The step on screen in plain words, for the one-line account of it
  // ("Line 4 runs next.", "square(n=3) is called.", "square returns 9.").
  std::string narration() const;

  // Moving.  Each returns whether the step changed.
  bool seek(uint64_t step);  // an instruction, clamped to [1, total() + 1]
  bool seek_event(size_t index);  // a line event, clamped
  bool to_start();
  bool to_end();
  bool step_instruction();  // one instruction on (both granularities)
  bool step_back();         // one instruction back
  // By line: the next event (into calls), the next in this frame or a
  // caller (over), the next in a caller (out), and the same backwards.
  // By instruction: to the next step on another line, at the same depth
  // or shallower, after the frame returns; back to the previous line.
  bool step_line();
  bool step_over();
  bool step_out();
  bool step_back_line();
  bool step_back_over();
  bool step_back_out();
  // On to the next step that starts a line with a breakpoint, or the end.
  bool run_to_breakpoint();
  // To the [occurrence]-th time the program enters [line] (from the
  // start), or the end when it never does.
  bool seek_line(int line, int occurrence = 1);
  // On to the next time [line] starts, or the end ("run to cursor").
  bool run_to_line(int line);

  void toggle_breakpoint(int line);
  const std::set<int>& breakpoints() const { return breakpoints_; }

  // Playback: [speed] steps (of the granularity) a second; tick()
  // advances by the time passed (at most one seek a call).
  void set_playing(bool on);
  bool playing() const { return playing_; }
  void set_speed(double per_second) { speed_ = per_second; }
  double speed() const { return speed_; }
  bool tick(double seconds);

 private:
  // The next step that starts a breakpoint's line, or total() + 1.
  uint64_t next_breakpoint() const;
  // By line: the next line event after [from] on one of [lines], or the
  // last event.
  size_t next_event_on(size_t from, const std::set<int>& lines) const;
  // The event index after (before) [from] whose depth is at most
  // [max_depth], or the last (first) one.
  size_t event_forward(size_t from, int max_depth) const;
  size_t event_backward(size_t from, int max_depth) const;

  std::unique_ptr<trace::Session> session_;
  source::Source source_;
  std::vector<std::string> input_;
  uint64_t max_steps_ = 0;
  const fs::FileSystem* files_ = nullptr;
  std::string script_dir_;
  // The session's line events; while input() waits for a line, only
  // those before the call that found none (its EOFError is not the
  // program's: it waits).
  std::vector<LineEvent> events_;
  void take_events();
  trace::Session::Position at_;
  Granularity granularity_ = Granularity::kLine;
  size_t event_ = 0;
  std::set<int> breakpoints_;
  bool playing_ = false;
  double speed_ = 4.0;
  double pending_ = 0.0;  // fractions of a step not yet played
};

// The files for the next run of a program kept in memory: a copy of
// [last] (null: none yet) with the .pyc files [last_imports] wrote (they
// stay, as a real __pycache__ does), every file of [sources] (name, text)
// in [dir] that changed written again (so it is newer than its cache), and
// the .py files no longer among them removed.  Each run gets its own copy:
// a replay must see the files its run saw.
std::shared_ptr<fs::MemoryFileSystem> next_files(const fs::MemoryFileSystem* last,
                                                 const std::vector<events::Import>& last_imports,
                                                 const std::vector<std::pair<std::string, std::string>>& sources,
                                                 const std::string& dir);

}  // namespace pylife::ui
