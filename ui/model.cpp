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
  take_events();
  playing_ = false;
  pending_ = 0.0;
  at_ = {};
  event_ = 0;
  if (by_line() && !session_->line_events().empty()) seek_event(0);
  else seek(1);
}

void RunModel::clear() {
  session_.reset();
  events_.clear();
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

std::vector<std::string> stdin_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(at, nl - at));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    at = nl + 1;
  }
  return lines;
}

void RunModel::add_input(std::string line) {
  std::vector<std::string> lines = input_;
  lines.push_back(std::move(line));
  set_input(std::move(lines));
}

void RunModel::set_input(std::vector<std::string> lines) {
  if (!session_) return;
  uint64_t here = step();
  input_ = std::move(lines);
  std::vector<uint64_t> requested = session_->requested_collections();
  uint64_t interrupted = session_->interrupted_at();
  session_ = std::make_unique<trace::Session>(source_, input_, max_steps_, files_, script_dir_);
  for (uint64_t s : requested) session_->collect_at(s);
  if (interrupted) session_->interrupt_at(interrupted);
  take_events();
  size_t event = event_;
  at_ = {};
  if (by_line() && !session_->line_events().empty()) seek_event(event);
  else seek(here);
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
  take_events();
  at_ = {};
  seek(here);
  return true;
}

bool RunModel::collect_now() {
  if (!session_ || at_.finished || at_.step == 0) return false;
  uint64_t here = step();
  session_->collect_at(here);
  take_events();
  at_ = {};
  seek(here);
  return true;
}

const std::vector<RunModel::LineEvent>& RunModel::events() const { return events_; }

void RunModel::take_events() {
  events_.clear();
  if (!session_) return;
  const auto& all = session_->line_events();
  size_t n = all.size();
  if (waiting_for_input()) {
    // Up to the step whose input() found no line.
    for (size_t k = 0; k < all.size(); ++k) {
      if (all[k].kind == events::Trace::Kind::kException &&
          session_->raised_at(all[k].step).rfind("EOFError", 0) == 0) {
        n = k;
        break;
      }
    }
  }
  events_.assign(all.begin(), all.begin() + static_cast<long>(n));
}

const RunModel::LineEvent* RunModel::event() const {
  const auto& all = events();
  return event_ < all.size() ? &all[event_] : nullptr;
}

bool RunModel::on_event() const {
  const LineEvent* e = by_line() ? event() : nullptr;
  return e && e->step == at_.step;
}

const std::string& RunModel::event_code(const LineEvent& e) const { return session_->line_codes()[e.code]; }

void RunModel::set_granularity(Granularity g) {
  if (g == granularity_) return;
  granularity_ = g;
  pending_ = 0.0;
  // By line again: the event the instruction on screen belongs to.
  if (session_ && by_line() && !events().empty()) seek_event(session_->line_event_at(step()));
}

uint64_t RunModel::position() const {
  if (!session_) return 0;
  if (by_line()) return events().empty() ? 0 : event_ + 1;
  return std::min(step(), total());
}

uint64_t RunModel::length() const {
  if (!session_) return 0;
  return by_line() ? events().size() : total();
}

int RunModel::next_line() const {
  const LineEvent* e = event();
  if (!on_event()) return at_.finished ? 0 : at_.line;
  // The module's call is at line 0: what runs next is its first line.
  if (e->kind == events::Trace::Kind::kCall && e->line <= 0) {
    const auto& all = events();
    return event_ + 1 < all.size() ? all[event_ + 1].line : 0;
  }
  return e->line;
}

int RunModel::last_line() const {
  const auto& all = events();
  if (!on_event()) return 0;
  int depth = all[event_].depth;
  // Back through deeper frames' events to this frame's line before.
  for (size_t k = event_; k-- > 0;) {
    const LineEvent& e = all[k];
    if (e.depth > depth) continue;
    if (e.depth < depth || e.kind == events::Trace::Kind::kCall) return 0;
    if (e.kind == events::Trace::Kind::kLine) return e.line == next_line() ? 0 : e.line;
  }
  return 0;
}

std::string RunModel::narration() const {
  if (!session_) return "";
  if (session_->total_steps() == 0) return "The program did not run.";
  const LineEvent* e = on_event() ? event() : nullptr;
  std::string where = at_.frames.empty() ? std::string() : at_.frames.front().code;
  if (!e) {
    if (at_.finished) return "The program has ended (exit code " + std::to_string(exit_code()) + ").";
    return "Instruction " + at_.opname + " of line " + std::to_string(at_.line) + " runs next.";
  }
  const std::string& name = event_code(*e);
  const std::string line = std::to_string(e->line);
  if (stopped_by_budget() && event_ + 1 >= events_.size()) {
    return "pylife stopped the program after " + std::to_string(total()) +
           " instructions: it may be in a loop that never ends.";
  }
  if (waiting_for_input() && event_ + 1 == events_.size()) {
    return "Line " + line + " calls input(): it waits for you to type a line in Output and press Enter.";
  }
  switch (e->kind) {
    case events::Trace::Kind::kCall: {
      if (e->depth == 1 && name == "<module>") return "The program starts: line " + std::to_string(next_line()) + " runs first.";
      std::string args;
      if (!at_.frames.empty()) {
        for (const auto& [n, v] : at_.frames.front().locals) {
          if (!args.empty()) args += ", ";
          args += n + "=" + v.repr;
        }
      }
      // RESUME's argument: 0 where the frame starts, else after a yield or await.
      if (at_.opname == "RESUME" && at_.oparg > 0) return name + " resumes on line " + line + ".";
      return name + "(" + args + ") is called: a new frame for it, on line " + line + ".";
    }
    case events::Trace::Kind::kLine: {
      int last = last_line();
      return "Line " + line + " runs next" + (last ? " (line " + std::to_string(last) + " just ran)." : ".");
    }
    case events::Trace::Kind::kReturn: {
      std::string value;
      if (!at_.frames.empty() && !at_.frames.front().stack.empty()) value = at_.frames.front().stack.back().repr;
      if (at_.opname == "YIELD_VALUE") return name + " yields " + value + " and pauses on line " + line + ".";
      if (at_.opname == "RETURN_VALUE") {
        if (e->depth == 1) return "The program's last line has run: it ends (exit code " + std::to_string(exit_code()) + ").";
        return name + " returns " + value + " to its caller.";
      }
      // The exception on its way out: the one the last exception event saw.
      std::string what;
      for (size_t k = event_ + 1; k-- > 0 && what.empty();) {
        if (k < events_.size() && events_[k].kind == events::Trace::Kind::kException) what = session_->raised_at(events_[k].step);
      }
      what = what.empty() ? "" : " (" + what + ")";
      if (e->depth == 1) {
        return "The exception was not caught" + what + ": the program stops here (exit code " + std::to_string(exit_code()) + ").";
      }
      return name + " ends because of the exception" + what + "; its caller gets it next.";
    }
    case events::Trace::Kind::kException: {
      std::string what = session_->raised_at(e->step);
      return (what.empty() ? std::string("An exception") : what) + " on line " + line + " in " + name + ".";
    }
  }
  return "";
}

bool RunModel::seek(uint64_t step) {
  if (!session_) return false;
  step = std::clamp<uint64_t>(step, 1, session_->total_steps() + 1);
  if (step == at_.step && step != 0) return false;
  at_ = session_->seek(step);
  if (!events_.empty()) event_ = std::min(session_->line_event_at(step), events_.size() - 1);
  return true;
}

bool RunModel::seek_event(size_t index) {
  const auto& all = events();
  if (all.empty()) return false;
  index = std::min(index, all.size() - 1);
  bool changed = index != event_ || at_.step == 0;
  event_ = index;
  if (all[index].step != at_.step) at_ = session_->seek(all[index].step);
  return changed;
}

bool RunModel::to_start() { return by_line() && !events().empty() ? seek_event(0) : seek(1); }

bool RunModel::to_end() {
  if (by_line() && !events().empty()) return seek_event(events().size() - 1);
  return session_ && seek(session_->total_steps() + 1);
}

size_t RunModel::event_forward(size_t from, int max_depth) const {
  const auto& all = events();
  for (size_t k = from + 1; k < all.size(); ++k) {
    if (all[k].depth <= max_depth) return k;
  }
  return all.size() - 1;
}

size_t RunModel::event_backward(size_t from, int max_depth) const {
  const auto& all = events();
  for (size_t k = from; k-- > 0;) {
    if (all[k].depth <= max_depth) return k;
  }
  return 0;
}

bool RunModel::step_instruction() { return session_ && seek(session_->step_instruction(step())); }
bool RunModel::step_back() { return session_ && seek(session_->step_back(step())); }

bool RunModel::step_line() {
  if (!session_) return false;
  if (by_line()) return !events().empty() && seek_event(event_ + 1);
  return seek(session_->step_line(step()));
}

bool RunModel::step_over() {
  if (!session_) return false;
  if (by_line()) return !events().empty() && seek_event(event_forward(event_, events()[event_].depth));
  return seek(session_->step_over(step()));
}

bool RunModel::step_out() {
  if (!session_) return false;
  if (by_line() && !events().empty()) {
    // To this frame's return (with the value it gives back), or from
    // there on into the caller.
    const auto& all = events();
    int depth = all[event_].depth;
    if (all[event_].kind != events::Trace::Kind::kReturn) {
      for (size_t k = event_ + 1; k < all.size() && all[k].depth >= depth; ++k) {
        if (all[k].depth == depth && all[k].kind == events::Trace::Kind::kReturn) return seek_event(k);
      }
    }
    return seek_event(event_forward(event_, depth - 1));
  }
  return seek(session_->step_out(step()));
}

bool RunModel::step_back_line() {
  if (!session_) return false;
  if (by_line()) return !events().empty() && event_ > 0 && seek_event(event_ - 1);
  return seek(session_->step_back_line(step()));
}

bool RunModel::step_back_over() {
  if (!session_) return false;
  if (by_line()) return !events().empty() && seek_event(event_backward(event_, events()[event_].depth));
  return seek(session_->step_back_line(step()));
}

bool RunModel::step_back_out() {
  if (!session_) return false;
  if (by_line()) return !events().empty() && seek_event(event_backward(event_, events()[event_].depth - 1));
  return seek(session_->step_back_line(step()));
}

size_t RunModel::next_event_on(size_t from, const std::set<int>& lines) const {
  const auto& all = events();
  for (size_t k = from + 1; k < all.size(); ++k) {
    if (all[k].kind == events::Trace::Kind::kLine && lines.count(all[k].line)) return k;
  }
  return all.size() - 1;
}

bool RunModel::run_to_line(int line) {
  if (!session_) return false;
  if (by_line() && !events().empty()) return seek_event(next_event_on(event_, {line}));
  return seek(session_->run_to_line(step(), line));
}

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

bool RunModel::run_to_breakpoint() {
  if (!session_) return false;
  if (by_line() && !events().empty()) return seek_event(next_event_on(event_, breakpoints_));
  return seek(next_breakpoint());
}

bool RunModel::seek_line(int line, int occurrence) {
  if (!session_) return false;
  if (by_line() && !events().empty()) {
    const auto& all = events();
    int found = 0;
    for (size_t k = 0; k < all.size(); ++k) {
      if (all[k].kind == events::Trace::Kind::kLine && all[k].line == line && ++found == occurrence) return seek_event(k);
    }
    return seek_event(all.size() - 1);
  }
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
  bool at_end = by_line() && !events().empty() ? event_ + 1 >= events().size() : at_.finished;
  playing_ = on && session_ && !at_end;
  pending_ = 0.0;
}

bool RunModel::tick(double seconds) {
  if (!playing_ || !session_) return false;
  pending_ += seconds * speed_;
  if (pending_ < 1.0) return false;
  uint64_t steps = static_cast<uint64_t>(pending_);
  pending_ -= static_cast<double>(steps);
  if (by_line() && !events().empty()) {
    size_t target = std::min<size_t>(event_ + steps, events().size() - 1);
    // Playing stops at a breakpoint, as a debugger's continue does.
    size_t bp = breakpoints_.empty() ? events().size() : next_event_on(event_, breakpoints_);
    if (bp <= target && bp < events().size() && events()[bp].kind == events::Trace::Kind::kLine &&
        breakpoints_.count(events()[bp].line)) {
      target = bp;
      playing_ = false;
    }
    bool moved = seek_event(target);
    if (event_ + 1 >= events().size()) playing_ = false;
    return moved;
  }
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
