// The in-memory recorder of a run's events.
#include "pylife/trace.h"

#include <algorithm>

#include "pylife/opcodes.h"

namespace pylife::trace {

std::string line_text(const events::Trace& e) {
  std::string out = events::kind_name(e.kind);
  out += ' ';
  out += e.code;
  out += ' ';
  out += std::to_string(e.line);
  return out;
}


uint32_t Recorder::code_index(std::string_view name) {
  auto it = std::find(codes_.begin(), codes_.end(), name);
  if (it != codes_.end()) return static_cast<uint32_t>(it - codes_.begin());
  codes_.emplace_back(name);
  return static_cast<uint32_t>(codes_.size() - 1);
}

uint32_t Recorder::code_index(uint32_t code_id, std::string_view name) {
  if (code_id == last_code_id_ && code_id != 0) return last_code_;
  if (code_id >= by_code_id_.size()) by_code_id_.resize(code_id + 1, 0);
  uint32_t& slot = by_code_id_[code_id];
  if (slot == 0) slot = code_index(name) + 1;
  last_code_id_ = code_id;
  last_code_ = slot - 1;
  return last_code_;
}

std::string_view Recorder::opname(uint8_t op) { return compile::op_info(op).name; }

bool Recorder::on_step(uint64_t, uint32_t code_id, int offset, int depth) {
  uint32_t code;
  if (code_id == last_code_id_ && code_id != 0) {
    code = last_code_;
  } else {
    if (code_id >= by_code_id_.size() || by_code_id_[code_id] == 0) return true;  // a new code object
    code = by_code_id_[code_id] - 1;
    last_code_id_ = code_id;
    last_code_ = code;
  }
  uint32_t unit = static_cast<uint32_t>(offset / 2);
  if (code >= statics_.size()) return true;
  const std::vector<Static>& table = statics_[code];
  if (unit >= table.size() || !table[unit].seen) return true;  // its first run
  push(code, unit, depth);
  return false;
}

void Recorder::on_instruction(const events::Instruction& e) {
  uint32_t code = code_index(e.code_id, e.code);
  uint32_t unit = static_cast<uint32_t>(e.offset / 2);
  if (code >= statics_.size()) statics_.resize(code + 1);
  std::vector<Static>& table = statics_[code];
  if (unit >= table.size()) table.resize(unit + 1);
  Static& st = table[unit];
  if (!st.seen) {
    st = Static{e.oparg, e.line, static_cast<uint16_t>(std::min(e.stack_depth, 65535)),
                static_cast<uint8_t>(e.opcode), true};
  }
  push(code, unit, e.depth);
}

void Recorder::push(uint32_t code, uint32_t unit, int depth) {
  uint64_t index = steps_.size();
  uint64_t d = static_cast<uint64_t>(std::clamp(depth, 0, 65535));
  if (depths_.empty() || (depths_.back() & 0xFFFF) != d) depths_.push_back(index << 16 | d);
  uint32_t packed = kEscape;
  if (code < (uint32_t{1} << (32 - kUnitBits)) - 1 && unit < (uint32_t{1} << kUnitBits)) {
    packed = code << kUnitBits | unit;
  } else {
    escaped_.emplace_back(index, uint64_t{code} << 32 | unit);
  }
  steps_.push_back(packed);
}

Recorder::Step Recorder::step(uint64_t i) const {
  Step s;
  if (i >= steps_.size()) return s;
  uint32_t packed = steps_[i];
  if (packed == kEscape) {
    auto it = std::lower_bound(escaped_.begin(), escaped_.end(), std::make_pair(i, uint64_t{0}));
    s.code = static_cast<uint32_t>(it->second >> 32);
    s.offset = static_cast<uint32_t>(it->second & 0xFFFFFFFFu) * 2;
  } else {
    s.code = packed >> kUnitBits;
    s.offset = (packed & ((uint32_t{1} << kUnitBits) - 1)) * 2;
  }
  const Static& st = statics_[s.code][s.offset / 2];
  s.arg = st.arg;
  s.line = st.line;
  s.op = st.op;
  s.stack = st.stack;
  // The last depth change at or before step i.
  uint64_t lo = 0, hi = depths_.size();
  while (lo < hi) {
    uint64_t mid = (lo + hi) / 2;
    if ((depths_[mid] >> 16) <= i) lo = mid + 1;
    else hi = mid;
  }
  s.depth = lo == 0 ? 0 : static_cast<int>(depths_[lo - 1] & 0xFFFF);
  return s;
}

void Recorder::add(Event::Kind kind, uint64_t step, uint32_t code, int32_t number, std::string_view text) {
  Event e{step, code, number, 0, 0, kind};
  if (!text.empty() && texts_.size() + text.size() < UINT32_MAX) {
    e.text_at = static_cast<uint32_t>(texts_.size());
    text = text.substr(0, 0xFFFFFF);
    texts_.append(text);
    e.text_size = static_cast<uint32_t>(text.size()) & 0xFFFFFF;
  }
  events_.push_back(e);
}

void Recorder::on_frame_push(const events::Frame& e) {
  add(Event::Kind::kCall, e.step, code_index(e.code_id, e.code), e.line, {});
}

void Recorder::on_frame_pop(const events::Frame& e) {
  add(e.raised ? Event::Kind::kUnwind : Event::Kind::kReturn, e.step, code_index(e.code_id, e.code), e.line, e.value);
}

void Recorder::on_exception(const events::Exception& e) {
  Event::Kind k = e.kind == events::Exception::Kind::kRaised   ? Event::Kind::kRaised
                  : e.kind == events::Exception::Kind::kCaught ? Event::Kind::kCaught
                                                               : Event::Kind::kPropagated;
  add(k, e.step, code_index(e.code_id, e.code), e.line, e.type + (e.message.empty() ? "" : ": " + e.message));
}

void Recorder::on_output(const events::Output& e) {
  add(e.stream == 1 ? Event::Kind::kStdout : Event::Kind::kStderr, e.step, 0, 0, e.text);
}

void Recorder::on_terminate(const events::Terminate& e) { add(Event::Kind::kExit, e.step, 0, e.exit_code, {}); }

size_t Recorder::memory_bytes() const {
  size_t n = events_.memory_bytes() + escaped_.capacity() * sizeof(escaped_[0]) + depths_.memory_bytes() +
             steps_.memory_bytes();
  for (const auto& t : statics_) n += t.capacity() * sizeof(Static);
  n += texts_.capacity();
  for (const auto& c : codes_) n += c.capacity() + sizeof(std::string);
  return n;
}

}  // namespace pylife::trace
