// The VM's lifecycle events (pylife/events.h): what a recording observer
// sees for small programs.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pylife/events.h"
#include "pylife/source.h"
#include "pylife/vm.h"

namespace {

// Records every event as one short line.
class Recorder final : public pylife::events::Observer {
 public:
  std::vector<std::string> lines;
  std::vector<std::string> ops;  // opnames only

  void on_instruction(const pylife::events::Instruction& e) override {
    ops.emplace_back(e.opname);
    lines.push_back(std::to_string(e.step) + " " + std::string(e.code) + " " + std::string(e.opname) +
                    (e.argrepr.empty() ? "" : " " + std::string(e.argrepr)));
  }
  void on_frame_push(const pylife::events::Frame& e) override {
    lines.push_back("call " + std::string(e.code) + " depth " + std::to_string(e.depth));
  }
  void on_frame_pop(const pylife::events::Frame& e) override {
    lines.push_back((e.raised ? "unwind " : "return ") + std::string(e.code) + " " + e.value);
  }
  void on_exception(const pylife::events::Exception& e) override {
    const char* k = e.kind == pylife::events::Exception::Kind::kRaised   ? "raised"
                    : e.kind == pylife::events::Exception::Kind::kCaught ? "caught"
                                                                         : "propagated";
    lines.push_back(std::string("exception ") + k + " " + e.type + " in " + std::string(e.code) + ":" +
                    std::to_string(e.line));
  }
  void on_output(const pylife::events::Output& e) override {
    lines.push_back("output " + std::to_string(e.stream) + " " + std::string(e.text));
  }
  void on_terminate(const pylife::events::Terminate& e) override {
    lines.push_back("exit " + std::to_string(e.exit_code) + " after " + std::to_string(e.step));
  }
  bool has(const std::string& line) const {
    for (const auto& l : lines) {
      if (l == line) return true;
    }
    return false;
  }
};

int run(const std::string& text, Recorder& rec, uint64_t max_steps = 0) {
  auto decoded = pylife::source::decode(text, "<test>");
  REQUIRE(decoded.ok);
  decoded.source.filename = "<test>";
  pylife::vm::Io io;
  io.out = [](std::string_view) {};
  io.err = [](std::string_view) {};
  pylife::vm::RunOptions options;
  options.argv = {"<test>"};
  options.observer = &rec;
  options.max_steps = max_steps;
  return pylife::vm::run_program(decoded.source, options, io).exit_code;
}

}  // namespace

TEST_CASE("each instruction is reported before it runs, with its argument", "[events]") {
  Recorder rec;
  CHECK(run("x = [1]\ny = x\ndel x\n", rec) == 0);
  CHECK(rec.ops == std::vector<std::string>{"RESUME", "LOAD_CONST", "BUILD_LIST", "STORE_NAME", "LOAD_NAME",
                                            "STORE_NAME", "DELETE_NAME", "LOAD_CONST", "RETURN_VALUE"});
  CHECK(rec.lines.front() == "call <module> depth 1");
  CHECK(rec.has("4 <module> STORE_NAME x"));
  CHECK(rec.has("7 <module> DELETE_NAME x"));
  CHECK(rec.has("return <module> None"));
  CHECK(rec.lines.back() == "exit 0 after 9");
}

TEST_CASE("calls push and pop frames with their return values; output is an event", "[events]") {
  Recorder rec;
  run("def sq(n):\n    return n * n\nprint(sq(3))\n", rec);
  CHECK(rec.has("call sq depth 2"));
  CHECK(rec.has("return sq 9"));
  CHECK(rec.has("output 1 9\n"));
}

TEST_CASE("exceptions are raised, propagated out of frames and caught", "[events]") {
  Recorder rec;
  run("def f():\n    return 1 / 0\ntry:\n    f()\nexcept ZeroDivisionError:\n    pass\n", rec);
  CHECK(rec.has("exception raised ZeroDivisionError in f:2"));
  CHECK(rec.has("exception propagated ZeroDivisionError in f:2"));
  CHECK(rec.has("unwind f "));
  CHECK(rec.has("exception caught ZeroDivisionError in <module>:4"));
}

TEST_CASE("an uncaught exception reaches the end as output and exit status 1", "[events]") {
  Recorder rec;
  CHECK(run("raise KeyError('k')\n", rec) == 1);
  bool traceback = false;
  for (const auto& l : rec.lines) traceback = traceback || l.rfind("output 2 Traceback", 0) == 0;
  CHECK(traceback);
  CHECK(rec.lines.back().rfind("exit 1", 0) == 0);
}

TEST_CASE("a runaway program stops at its step budget with its history observed", "[events]") {
  Recorder rec;
  CHECK(run("n = 0\nwhile True:\n    n += 1\n", rec, 1000) == 1);
  CHECK(rec.ops.size() == 1000);
  CHECK(rec.lines.back() == "exit 1 after 1001");
}

namespace {

// Keeps the state seen at one step.
class Snapshotter final : public pylife::events::Observer {
 public:
  explicit Snapshotter(uint64_t at) : at_(at) {}
  std::vector<pylife::events::FrameState> frames;
  void on_instruction(const pylife::events::Instruction& e) override {
    if (e.step == at_) frames = e.state->frames();
  }

 private:
  uint64_t at_;
};

pylife::vm::RunResult run_with(const std::string& text, pylife::events::Observer& obs) {
  auto decoded = pylife::source::decode(text, "<test>");
  REQUIRE(decoded.ok);
  pylife::vm::Io io;
  io.out = [](std::string_view) {};
  io.err = [](std::string_view) {};
  pylife::vm::RunOptions options;
  options.observer = &obs;
  return pylife::vm::run_program(decoded.source, options, io);
}

}  // namespace

TEST_CASE("at a paused step the frames, locals, stack and refcounts can be read", "[events]") {
  // x = [1]; y = x: events come before their instruction runs, so at step
  // 7 (DELETE_NAME x) the list is held by x and y.
  Snapshotter after_alias(7);
  run_with("x = [1]\ny = x\ndel x\n", after_alias);
  REQUIRE(after_alias.frames.size() == 1);
  auto& module = after_alias.frames[0];
  CHECK(module.code == "<module>");
  REQUIRE(module.locals.size() == 2);
  CHECK(module.locals[0].first == "x");
  CHECK(module.locals[1].first == "y");
  CHECK(module.locals[0].second.id == module.locals[1].second.id);
  CHECK(module.locals[0].second.type == "list");
  CHECK(module.locals[0].second.refcount == 2);
  // After del x: refcount back to 1.
  Snapshotter after_del(8);
  run_with("x = [1]\ny = x\ndel x\n", after_del);
  REQUIRE(after_del.frames.size() == 1);
  REQUIRE(after_del.frames[0].locals.size() == 1);
  CHECK(after_del.frames[0].locals[0].second.refcount == 1);

  // Inside a call: two frames, the callee's locals and operand stack.
  Snapshotter inside(15);  // sq's BINARY_OP
  run_with("def sq(n):\n    return n * n\nprint(sq(3))\n", inside);
  REQUIRE(inside.frames.size() == 2);
  CHECK(inside.frames[0].code == "sq");
  REQUIRE(inside.frames[0].locals.size() == 1);
  CHECK(inside.frames[0].locals[0].first == "n");
  CHECK(inside.frames[0].locals[0].second.repr == "3");
  REQUIRE(inside.frames[0].stack.size() == 2);
  CHECK(inside.frames[0].stack[1].repr == "3");
  CHECK(inside.frames[1].code == "<module>");
}
