// The VM panels' view model (model.h).
#include "model.h"

#include <algorithm>

namespace pylife::ui {

void RunModel::start(const source::Source& src, std::vector<std::string> input, uint64_t max_steps,
                     const fs::FileSystem* files, std::string script_dir) {
  source_ = src;
  input_ = std::move(input);
  max_steps_ = max_steps;
  files_ = files;
  script_dir_ = std::move(script_dir);
  session_ = std::make_unique<trace::Session>(source_, input_, max_steps_, files_, script_dir_);
  playing_ = false;
  pending_ = 0.0;
  at_ = {};
  seek(1);
}

void RunModel::clear() {
  session_.reset();
  at_ = {};
  playing_ = false;
}

const std::string& RunModel::final_output() const {
  static const std::string kNone;
  return session_ ? session_->output() : kNone;
}

bool RunModel::waiting_for_input() const {
  if (!session_ || session_->exit_code() == 0) return false;
  const std::string& out = session_->output();
  static const std::string kEof = "EOFError: EOF when reading a line\n";
  return out.size() >= kEof.size() && out.compare(out.size() - kEof.size(), kEof.size(), kEof) == 0;
}

void RunModel::add_input(std::string line) {
  if (!session_) return;
  uint64_t here = step();
  input_.push_back(std::move(line));
  std::vector<uint64_t> requested = session_->requested_collections();
  uint64_t interrupted = session_->interrupted_at();
  session_ = std::make_unique<trace::Session>(source_, input_, max_steps_, files_, script_dir_);
  for (uint64_t s : requested) session_->collect_at(s);
  if (interrupted) session_->interrupt_at(interrupted);
  at_ = {};
  seek(here);
}

const std::vector<events::Import>& RunModel::imports() const {
  static const std::vector<events::Import> none;
  return session_ ? session_->imports() : none;
}

const std::vector<events::Teardown>& RunModel::teardown() const {
  static const std::vector<events::Teardown> none;
  return session_ ? session_->teardown() : none;
}

const std::vector<trace::Session::Collection>& RunModel::collections() const {
  static const std::vector<trace::Session::Collection> none;
  return session_ ? session_->collections() : none;
}

bool RunModel::interrupt_now() {
  if (!session_ || at_.finished || at_.step == 0) return false;
  uint64_t here = step();
  session_->interrupt_at(here);
  at_ = {};
  seek(here);
  return true;
}

bool RunModel::collect_now() {
  if (!session_ || at_.finished || at_.step == 0) return false;
  uint64_t here = step();
  session_->collect_at(here);
  at_ = {};
  seek(here);
  return true;
}

bool RunModel::seek(uint64_t step) {
  if (!session_) return false;
  step = std::clamp<uint64_t>(step, 1, session_->total_steps() + 1);
  if (step == at_.step && step != 0) return false;
  at_ = session_->seek(step);
  return true;
}

bool RunModel::step_instruction() { return session_ && seek(session_->step_instruction(step())); }
bool RunModel::step_line() { return session_ && seek(session_->step_line(step())); }
bool RunModel::step_over() { return session_ && seek(session_->step_over(step())); }
bool RunModel::step_out() { return session_ && seek(session_->step_out(step())); }
bool RunModel::step_back() { return session_ && seek(session_->step_back(step())); }
bool RunModel::step_back_line() { return session_ && seek(session_->step_back_line(step())); }

uint64_t RunModel::next_breakpoint() const {
  // From the first step off the current line, so a breakpoint on the line
  // on screen stops at its next run, not at its next instruction.
  uint64_t end = session_->total_steps() + 1;
  if (breakpoints_.empty()) return end;
  uint64_t from = session_->step_line(step());
  if (from >= end) return end;
  uint64_t best = end;
  for (int line : breakpoints_) best = std::min(best, session_->run_to_line(from - 1, line));
  return best;
}

bool RunModel::run_to_breakpoint() { return session_ && seek(next_breakpoint()); }

bool RunModel::seek_line(int line, int occurrence) {
  if (!session_) return false;
  uint64_t end = session_->total_steps() + 1;
  uint64_t s = session_->run_to_line(0, line);
  for (int k = 1; k < occurrence && s < end; ++k) {
    // Off the line (step_line goes to the next step on another line),
    // then onto it again.
    uint64_t off = session_->step_line(s);
    s = off < end ? session_->run_to_line(off - 1, line) : end;
  }
  return seek(s);
}

void RunModel::toggle_breakpoint(int line) {
  if (!breakpoints_.erase(line)) breakpoints_.insert(line);
}

void RunModel::set_playing(bool on) {
  playing_ = on && session_ && !at_.finished;
  pending_ = 0.0;
}

bool RunModel::tick(double seconds) {
  if (!playing_ || !session_) return false;
  pending_ += seconds * speed_;
  if (pending_ < 1.0) return false;
  uint64_t steps = static_cast<uint64_t>(pending_);
  pending_ -= static_cast<double>(steps);
  uint64_t target = step() + steps;
  // Playing stops at a breakpoint, as a debugger's continue does.
  uint64_t bp = next_breakpoint();
  if (bp <= target && bp <= session_->total_steps()) {
    target = bp;
    playing_ = false;
  }
  bool moved = seek(target);
  if (at_.finished) playing_ = false;
  return moved;
}

std::shared_ptr<fs::MemoryFileSystem> next_files(const fs::MemoryFileSystem* last,
                                                 const std::vector<events::Import>& last_imports,
                                                 const std::vector<std::pair<std::string, std::string>>& sources,
                                                 const std::string& dir) {
  auto next = last ? std::make_shared<fs::MemoryFileSystem>(*last) : std::make_shared<fs::MemoryFileSystem>();
  for (const auto& e : last_imports) {
    if (e.stage == events::Import::Stage::kCacheWrite && !e.pyc.empty()) next->write_file(e.path, e.pyc);
  }
  for (const auto& [name, text] : sources) {
    std::string path = dir + "/" + name;
    fs::ReadResult now = next->read_file(path);
    if (!now.ok || now.bytes != text) next->write_file(path, text);
  }
  for (const auto& name : next->list_dir(dir).names) {
    bool kept = std::any_of(sources.begin(), sources.end(), [&](const auto& s) { return s.first == name; });
    if (!kept && name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0) next->remove_file(dir + "/" + name);
  }
  return next;
}

}  // namespace pylife::ui
