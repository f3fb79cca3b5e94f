// The in-memory recorder of a run's events.
#include "pylife/trace.h"

#include <algorithm>

namespace pylife::trace {

uint32_t Recorder::code_id(std::string_view name) {
  // Consecutive events mostly come from the same code object.
  if (!codes_.empty() && last_code_ == name) return last_code_id_;
  auto it = std::find(codes_.begin(), codes_.end(), name);
  if (it == codes_.end()) {
    codes_.emplace_back(name);
    it = codes_.end() - 1;
  }
  last_code_ = std::string(name);
  last_code_id_ = static_cast<uint32_t>(it - codes_.begin());
  return last_code_id_;
}

void Recorder::on_instruction(const events::Instruction& e) {
  Step s;
  s.code = code_id(e.code);
  s.offset = static_cast<uint32_t>(e.offset);
  s.arg = e.oparg;
  s.line = e.line;
  auto op = std::find(opnames_.begin(), opnames_.end(), e.opname);
  if (op == opnames_.end()) {
    opnames_.emplace_back(e.opname);
    op = opnames_.end() - 1;
  }
  s.op = static_cast<uint16_t>(op - opnames_.begin());
  s.depth = static_cast<uint16_t>(std::min(e.depth, 65535));
  s.stack = static_cast<uint16_t>(std::min(e.stack_depth, 65535));
  steps_.push_back(s);
}

void Recorder::on_frame_push(const events::Frame& e) {
  events_.push_back({Event::Kind::kCall, e.step, code_id(e.code), e.line, {}});
}

void Recorder::on_frame_pop(const events::Frame& e) {
  events_.push_back({e.raised ? Event::Kind::kUnwind : Event::Kind::kReturn, e.step, code_id(e.code), e.line, e.value});
}

void Recorder::on_exception(const events::Exception& e) {
  Event::Kind k = e.kind == events::Exception::Kind::kRaised   ? Event::Kind::kRaised
                  : e.kind == events::Exception::Kind::kCaught ? Event::Kind::kCaught
                                                               : Event::Kind::kPropagated;
  events_.push_back({k, e.step, code_id(e.code), e.line, e.type + (e.message.empty() ? "" : ": " + e.message)});
}

void Recorder::on_output(const events::Output& e) {
  events_.push_back({e.stream == 1 ? Event::Kind::kStdout : Event::Kind::kStderr, e.step, 0, 0, std::string(e.text)});
}

void Recorder::on_terminate(const events::Terminate& e) {
  events_.push_back({Event::Kind::kExit, e.step, 0, e.exit_code, {}});
}

size_t Recorder::memory_bytes() const {
  size_t n = steps_.capacity() * sizeof(Step) + events_.capacity() * sizeof(Event);
  for (const auto& e : events_) n += e.text.capacity();
  for (const auto& c : codes_) n += c.capacity() + sizeof(std::string);
  return n;
}

}  // namespace pylife::trace
