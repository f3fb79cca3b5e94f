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

class Recorder final : public events::Observer {
 public:
  // One executed instruction (24 bytes).
  struct Step {
    uint32_t code = 0;  // index into codes()
    uint32_t offset = 0;
    int32_t arg = 0;
    int32_t line = -1;
    uint16_t op = 0;  // index into opnames()
    uint16_t depth = 0;
    uint16_t stack = 0;
    uint16_t pad = 0;
  };
  // Anything else, in order, with the step it happened at.
  struct Event {
    enum class Kind : uint8_t { kCall, kReturn, kUnwind, kRaised, kCaught, kPropagated, kStdout, kStderr, kExit };
    Kind kind;
    uint64_t step;
    uint32_t code;      // kCall..kPropagated
    int32_t number;     // line, or the exit status
    std::string text;   // return value, exception "Type: message", output
  };

  void on_instruction(const events::Instruction& e) override;
  void on_frame_push(const events::Frame& e) override;
  void on_frame_pop(const events::Frame& e) override;
  void on_exception(const events::Exception& e) override;
  void on_output(const events::Output& e) override;
  void on_terminate(const events::Terminate& e) override;

  const std::vector<Step>& steps() const { return steps_; }
  const std::vector<Event>& events() const { return events_; }
  const std::vector<std::string>& codes() const { return codes_; }
  const std::string& opname(uint16_t op) const { return opnames_[op]; }
  // Bytes held by the recording.
  size_t memory_bytes() const;

 private:
  uint32_t code_id(std::string_view name);
  std::vector<Step> steps_;
  std::vector<Event> events_;
  std::vector<std::string> codes_;
  std::vector<std::string> opnames_;
  std::string last_code_;
  uint32_t last_code_id_ = 0;
};

}  // namespace pylife::trace

#include <optional>

#include "pylife/source.h"

namespace pylife::trace {

// Time travel by deterministic replay: a Session owns a program and its
// inputs and can show the state before any step.  The first run records
// what the program read (stdin lines) and the line and depth of every
// step; seek(n) replays from the start with a step budget of n and reads
// the state there.  (Checkpoints, for long runs, are still to come.)
class Session {
 public:
  struct Position {
    uint64_t step = 0;  // the instruction about to run (1-based); 0 before the start
    bool finished = false;  // past the last instruction
    std::vector<events::FrameState> frames;  // innermost first
    std::string output;  // stdout and stderr so far, interleaved
    std::string code, opname, argrepr;
    int line = -1, offset = 0;
  };

  // [stdin] holds the program's input lines (read by input()).
  Session(source::Source source, std::vector<std::string> stdin_lines = {},
          uint64_t max_steps = 50'000'000);

  // Bytes the per-step history takes.
  size_t history_bytes() const { return steps_.capacity() * sizeof(StepInfo); }

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
  uint64_t total_ = 0;
  int exit_code_ = 0;
  std::string output_;
  std::vector<StepInfo> steps_;  // index step - 1
};

}  // namespace pylife::trace
