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
