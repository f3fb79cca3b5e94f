// Time travel by deterministic replay (see pylife/trace.h).
#include "pylife/trace.h"
#include "pylife/vm.h"

#include <algorithm>

namespace pylife::trace {

namespace {

// Records the line and depth of every step, and the collections.
class LineRecorder final : public events::Observer {
 public:
  LineRecorder(std::vector<Session::StepInfo>& out, std::vector<Session::Collection>& collections,
               std::vector<events::Import>& imports, std::vector<events::Teardown>& teardown,
               std::vector<Session::LineEvent>& lines, std::vector<std::string>& line_codes,
               std::vector<std::pair<uint64_t, std::string>>& raised, std::string file, std::string user_dir)
      : out_(out),
        collections_(collections),
        imports_(imports),
        teardown_(teardown),
        lines_(lines),
        line_codes_(line_codes),
        raised_(raised),
        filter_(std::move(file), std::move(user_dir)) {}
  bool traces_file(std::string_view filename) override { return filter_.traces_file(filename); }
  void on_exception(const events::Exception& e) override {
    if (e.kind != events::Exception::Kind::kRaised || raised_.size() >= 10000) return;
    if (!raised_.empty() && raised_.back().first == e.step) return;
    raised_.emplace_back(e.step, e.message.empty() ? e.type : e.type + ": " + e.message);
  }
  void on_trace(const events::Trace& e) override {
    if (!filter_.keep(e)) return;
    auto it = std::find(line_codes_.begin(), line_codes_.end(), e.code);
    if (it == line_codes_.end()) it = line_codes_.insert(it, std::string(e.code));
    lines_.push_back({e.step, e.kind, static_cast<uint16_t>(std::min(e.depth, 65535)), e.line,
                      static_cast<uint32_t>(it - line_codes_.begin())});
  }
  void on_import(const events::Import& e) override { imports_.push_back(e); }
  void on_teardown(const events::Teardown& e) override { teardown_.push_back(e); }
  void on_instruction(const events::Instruction& e) override {
    out_.push_back({static_cast<uint16_t>(e.line < 0 ? 0 : std::min(e.line, 65534) + 1),
                    static_cast<uint16_t>(e.depth > 65535 ? 65535 : e.depth)});
  }
  void on_gc_collect(const events::GcCollection& e) override {
    collections_.push_back({e.step, e.generation, e.collected, e.reason});
  }

 private:
  std::vector<Session::StepInfo>& out_;
  std::vector<Session::Collection>& collections_;
  std::vector<events::Import>& imports_;
  std::vector<events::Teardown>& teardown_;
  std::vector<Session::LineEvent>& lines_;
  std::vector<std::string>& line_codes_;
  std::vector<std::pair<uint64_t, std::string>>& raised_;
  LineFilter filter_;
};

// Captures the state before one step and what the step before it did.
class Stopper final : public events::Observer {
 public:
  using Change = Session::Change;
  // [collection_from]: a collection that started from this step on is
  // shown (the replay observes from there).
  Stopper(uint64_t at, uint64_t collection_from, Session::Position& pos)
      : at_(at), collection_from_(collection_from), pos_(pos) {}
  bool wants_details() const override { return true; }
  void on_instruction(const events::Instruction& e) override {
    if (e.step != at_) return;
    pos_.frames = e.state->frames();
    pos_.heap = e.state->heap(400);
    pos_.code = std::string(e.code);
    pos_.opname = std::string(e.opname);
    pos_.argrepr = std::string(e.argrepr);
    pos_.line = e.line;
    pos_.end_line = e.end_line;
    pos_.col = e.col;
    pos_.end_col = e.end_col;
    pos_.offset = e.offset;
    pos_.oparg = e.oparg;
    pos_.output = output_;
    pos_.gc = e.state->gc();
    pos_.memory = e.state->memory();
    reached = true;
  }
  // The latest collection that started in the steps shown (its
  // finalizers may have run steps of their own).
  void on_gc_collect(const events::GcCollection& e) override {
    if (e.step >= collection_from_ && e.step < at_) pos_.collection = e;
  }
  void on_memory(const events::MemoryChange& e) override {
    if (!reached && e.step + 1 >= at_) pos_.memory_changes.push_back(e);
  }
  void on_stack_push(const events::StackChange& e) override { value(Change::Kind::kPush, e); }
  void on_stack_pop(const events::StackChange& e) override { value(Change::Kind::kPop, e); }
  void on_store(const events::Store& e) override {
    if (reached || e.step + 1 < at_) return;
    pos_.changes.push_back({e.deleted ? Change::Kind::kDelete : Change::Kind::kStore, e.depth, 0, e.value.id, 0,
                            e.value.type, std::string(e.name)});
  }
  void on_alloc(const events::Lifetime& e) override { life(Change::Kind::kAlloc, e); }
  void on_free(const events::Lifetime& e) override { life(Change::Kind::kFree, e); }
  void on_incref(const events::RefCount& e) override { count(Change::Kind::kIncref, e); }
  void on_decref(const events::RefCount& e) override { count(Change::Kind::kDecref, e); }
  void on_frame_push(const events::Frame& e) override { frame(Change::Kind::kCall, e); }
  void on_frame_pop(const events::Frame& e) override { frame(Change::Kind::kReturn, e); }
  // What the program wrote before the step (not what the step writes).
  void on_output(const events::Output& e) override {
    if (!reached) output_.append(e.text);
  }
  bool reached = false;

 private:
  // Only the details of the step before [at_] are kept (the replay
  // observes from there).
  void value(Change::Kind k, const events::StackChange& e) {
    if (!reached && e.step + 1 >= at_) pos_.changes.push_back({k, e.depth, e.position, e.value.id, e.value.refcount, e.value.type, e.value.repr});
  }
  void life(Change::Kind k, const events::Lifetime& e) {
    if (!reached && e.step + 1 >= at_) pos_.changes.push_back({k, 0, 0, e.id, 0, std::string(e.type), {}});
  }
  void count(Change::Kind k, const events::RefCount& e) {
    if (!reached && e.step + 1 >= at_) pos_.changes.push_back({k, 0, 0, e.id, e.count, std::string(e.type), {}});
  }
  void frame(Change::Kind k, const events::Frame& e) {
    if (!reached && e.step + 1 >= at_) pos_.changes.push_back({k, e.depth, 0, 0, 0, std::string(e.code), e.value});
  }
  uint64_t at_;
  uint64_t collection_from_;
  Session::Position& pos_;
  std::string output_;
};

// Where a replay reads the program's own modules.
struct Files {
  const fs::FileSystem* files = nullptr;
  std::string script_dir;
};

// What the learner asked for during the run: collections and a Ctrl-C.
struct Requests {
  const std::vector<uint64_t>& collect_at;
  uint64_t interrupt_at = 0;
};

vm::RunResult replay(const source::Source& src, const std::vector<std::string>& input, const Files& files,
                     const Requests& requests, uint64_t budget, events::Observer* observer,
                     std::string* output, uint64_t observe_from = 0) {
  size_t next_line = 0;
  vm::Io io;
  io.out = [output](std::string_view s) { output->append(s); };
  io.err = [output](std::string_view s) { output->append(s); };
  // The visualizer's stdin is typed: echoed after the prompt.
  io.echo_input = true;
  io.read_line = [&]() -> std::optional<std::string> {
    if (next_line >= input.size()) return std::nullopt;
    return input[next_line++];
  };
  // Time is part of the input: a replay sees the same clock.
  double now = 0;
  io.clock = [&now] { return now += 0.001; };
  io.wall_clock = [&now] { return 1795900000.0 + now; };
  io.sleep = [&now](double s) { now += s; };
  io.files = files.files;
  vm::RunOptions options;
  options.argv = {src.filename};
  options.script_dir = files.script_dir;
  // open() finds the program's files next to it; what it writes stays in
  // this run's memory, so every replay starts from the same files.
  options.cwd = files.script_dir;
  options.max_steps = budget;
  options.observer = observer;
  options.observe_from = observe_from;
  options.collect_at = requests.collect_at;
  options.interrupt_at = requests.interrupt_at;
  return vm::run_program(src, options, io);
}

}  // namespace

Session::Session(source::Source source, std::vector<std::string> stdin_lines, uint64_t max_steps,
                 const fs::FileSystem* files, std::string script_dir)
    : source_(std::move(source)),
      stdin_(std::move(stdin_lines)),
      max_steps_(max_steps),
      files_(files),
      script_dir_(std::move(script_dir)) {
  record();
}

void Session::record() {
  steps_.clear();
  collections_.clear();
  imports_.clear();
  teardown_.clear();
  output_.clear();
  lines_.clear();
  line_codes_.clear();
  raised_.clear();
  LineRecorder recorder(steps_, collections_, imports_, teardown_, lines_, line_codes_, raised_, source_.filename,
                        script_dir_);
  vm::RunResult r = replay(source_, stdin_, {files_, script_dir_}, {collect_at_, interrupt_at_}, max_steps_, &recorder, &output_);
  exit_code_ = r.exit_code;
  // A step the budget refused was counted but never ran.
  total_ = r.step_limit ? max_steps_ : steps_.size();
  steps_.resize(static_cast<size_t>(total_));
  steps_.shrink_to_fit();
  steps_.resize(static_cast<size_t>(total_));
}

Session::Position Session::seek(uint64_t step) const {
  Position pos;
  pos.step = step;
  if (step == 0 || step > total_) {
    pos.finished = step > total_;
    if (pos.finished) pos.output = output_;
    return pos;
  }
  // The budget stops the replay right after the wanted step was reported;
  // events from the step before it on, for what that step did (or from a
  // collection a few steps back, for the GC panel to show it).
  uint64_t from = step > 1 ? step - 1 : step;
  uint64_t shown_from = previous_line_start(step);
  for (auto it = collections_.rbegin(); it != collections_.rend(); ++it) {
    if (it->step < step && it->step + 1 >= shown_from && it->step + kCollectionShown >= step) {
      from = std::max<uint64_t>(1, std::min(from, it->step));
      break;
    }
  }
  Stopper stopper(step, from, pos);
  std::string ignored;
  replay(source_, stdin_, {files_, script_dir_}, {collect_at_, interrupt_at_}, step, &stopper, &ignored, from);
  return pos;
}

uint64_t Session::previous_line_start(uint64_t step) const {
  if (step <= 1 || step > total_) return step;
  // Back over this line's earlier steps (and the calls it made), then over
  // the line before it at the same depth or shallower.
  auto same = [&](uint64_t k, int line, uint16_t depth) {
    return steps_[k - 1].depth > depth || (steps_[k - 1].depth == depth && steps_[k - 1].line() == line);
  };
  uint64_t k = step - 1;
  while (k >= 1 && same(k, steps_[step - 1].line(), steps_[step - 1].depth)) --k;
  if (k == 0) return 1;
  int line = steps_[k - 1].line();
  uint16_t depth = steps_[k - 1].depth;
  while (k > 1 && same(k - 1, line, depth)) --k;
  return k;
}

void Session::collect_at(uint64_t step) {
  if (step == 0 || step > total_) return;
  auto it = std::lower_bound(collect_at_.begin(), collect_at_.end(), step);
  if (it != collect_at_.end() && *it == step) return;
  collect_at_.insert(it, step);
  record();
}

void Session::interrupt_at(uint64_t step) {
  if (step > total_ || step == interrupt_at_) return;
  interrupt_at_ = step;
  record();
}

size_t Session::line_event_at(uint64_t step) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), step,
                             [](uint64_t s, const LineEvent& e) { return s < e.step; });
  return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
}

std::string Session::raised_at(uint64_t step) const {
  auto it = std::lower_bound(raised_.begin(), raised_.end(), step,
                             [](const std::pair<uint64_t, std::string>& r, uint64_t s) { return r.first < s; });
  return it != raised_.end() && it->first == step ? it->second : std::string();
}

uint64_t Session::step_instruction(uint64_t from) const { return from <= total_ ? from + 1 : from; }

uint64_t Session::step_back(uint64_t from) const { return from > 1 ? from - 1 : 1; }

uint64_t Session::step_line(uint64_t from) const {
  if (from == 0) return 1;
  int line = from <= total_ ? steps_[from - 1].line() : -1;
  for (uint64_t s = from + 1; s <= total_; ++s) {
    const StepInfo& i = steps_[s - 1];
    if (i.line() >= 0 && i.line() != line) return s;
  }
  return total_ + 1;
}

uint64_t Session::step_over(uint64_t from) const {
  if (from == 0) return 1;
  if (from > total_) return from;
  int line = steps_[from - 1].line();
  uint16_t depth = steps_[from - 1].depth;
  for (uint64_t s = from + 1; s <= total_; ++s) {
    const StepInfo& i = steps_[s - 1];
    if (i.depth < depth || (i.depth == depth && i.line() >= 0 && i.line() != line)) return s;
  }
  return total_ + 1;
}

uint64_t Session::step_out(uint64_t from) const {
  if (from == 0 || from > total_) return from;
  uint16_t depth = steps_[from - 1].depth;
  for (uint64_t s = from + 1; s <= total_; ++s) {
    if (steps_[s - 1].depth < depth) return s;
  }
  return total_ + 1;
}

uint64_t Session::step_back_line(uint64_t from) const {
  if (from <= 1) return 1;
  uint64_t s = std::min(from, total_ + 1) - 1;
  int line = from <= total_ ? steps_[from - 1].line() : -1;
  // Back to the previous line, then to its first step.
  while (s > 1 && (steps_[s - 1].line() == line || steps_[s - 1].line() < 0)) --s;
  int target = steps_[s - 1].line();
  while (s > 1 && steps_[s - 2].line() == target) --s;
  return s;
}

uint64_t Session::run_to_line(uint64_t from, int line) const {
  for (uint64_t s = from + 1; s <= total_; ++s) {
    if (steps_[s - 1].line() == line) return s;
  }
  return total_ + 1;
}

}  // namespace pylife::trace
