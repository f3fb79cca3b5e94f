// The VM's lifecycle events (pylife/events.h): what a recording observer
// sees for small programs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "pylife/events.h"
#include "pylife/source.h"
#include "pylife/trace.h"
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

// Runs [text] with [obs] attached (and a step budget); its exit status.
template <typename Obs>
int run(const std::string& text, Obs& obs, uint64_t max_steps = 0) {
  auto decoded = pylife::source::decode(text, "<test>");
  REQUIRE(decoded.ok);
  decoded.source.filename = "<test>";
  pylife::vm::Io io;
  io.out = [](std::string_view) {};
  io.err = [](std::string_view) {};
  pylife::vm::RunOptions options;
  options.argv = {"<test>"};
  options.observer = &obs;
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


namespace {

pylife::trace::Session session_for(const std::string& text, std::vector<std::string> input = {}) {
  auto decoded = pylife::source::decode(text, "<session>");
  REQUIRE(decoded.ok);
  decoded.source.filename = "<session>";
  return pylife::trace::Session(decoded.source, std::move(input));
}

std::string describe(const pylife::trace::Session::Position& p) {
  std::string s = std::to_string(p.step) + " " + p.code + ":" + std::to_string(p.line) + " " + p.opname + " | " + p.output;
  for (const auto& f : p.frames) {
    s += " [" + f.code;
    for (const auto& [name, v] : f.locals) s += " " + name + "=" + v.repr + "#" + std::to_string(v.refcount);
    for (const auto& v : f.stack) s += " ^" + v.repr;
    s += "]";
  }
  return s;
}

const char* const kProgram =
    "def fact(n):\n"
    "    if n <= 1:\n"
    "        return 1\n"
    "    return n * fact(n - 1)\n"
    "total = 0\n"
    "for i in range(3):\n"
    "    total += fact(i + 2)\n"
    "print(total)\n";

}  // namespace

TEST_CASE("a session seeks to any step, forwards and backwards, by replay", "[session]") {
  auto session = session_for(kProgram);
  REQUIRE(session.exit_code() == 0);
  CHECK(session.output() == "32\n");
  uint64_t total = session.total_steps();
  REQUIRE(total > 50);
  // Every step: seek(n) is the state before step n, and stepping on from
  // n - 1 reaches the same state.
  std::string previous_output;
  for (uint64_t n = 1; n <= total; ++n) {
    auto p = session.seek(n);
    INFO("step " << n);
    REQUIRE_FALSE(p.frames.empty());
    CHECK(p.frames.back().code == "<module>");
    CHECK(p.output.rfind(previous_output, 0) == 0);  // output only grows
    previous_output = p.output;
    CHECK(describe(session.seek(session.step_instruction(n - 1))) == describe(p));
    if (n > 1) CHECK(describe(session.seek(session.step_back(n + 1 > total ? n : n + 1))) == describe(session.seek(n + 1 > total ? n - 1 : n)));
  }
  CHECK(session.seek(total + 1).finished);
  CHECK(session.seek(total + 1).output == "32\n");
}

TEST_CASE("line stepping, stepping over and out of calls", "[session]") {
  auto session = session_for(kProgram);
  uint64_t s = session.run_to_line(0, 7);  // total += fact(i + 2)
  REQUIRE(s <= session.total_steps());
  auto at = session.seek(s);
  CHECK(at.line == 7);
  // Step over the call: the next line at this depth.
  auto over = session.seek(session.step_over(s));
  CHECK(over.frames.size() == 1);
  CHECK(over.line != 7);
  // Step into it: the next line is in fact().
  uint64_t into = session.step_line(s);
  auto inside = session.seek(into);
  CHECK(inside.frames.size() == 2);
  CHECK(inside.frames[0].code == "fact");
  // Out again: back in the module.
  auto out = session.seek(session.step_out(into));
  CHECK(out.frames.size() == 1);
  // Back a line from inside the call: the call's line.
  CHECK(session.seek(session.step_back_line(into)).line == 7);
}

TEST_CASE("input is recorded and replayed identically", "[session]") {
  auto session = session_for("name = input('? ')\nprint('hi', name)\n", {"Ada"});
  CHECK(session.output() == "? Ada\nhi Ada\n");  // the typed line echoed, as at a terminal
  auto end = session.seek(session.total_steps());
  REQUIRE_FALSE(end.frames.empty());
  bool found = false;
  for (const auto& [k, v] : end.frames[0].locals) found = found || (k == "name" && v.repr == "'Ada'");
  CHECK(found);
}

TEST_CASE("a runaway program still gives a history up to its budget", "[session]") {
  auto decoded = pylife::source::decode("n = 0\nwhile True:\n    n += 1\n", "<runaway>");
  REQUIRE(decoded.ok);
  pylife::trace::Session session(decoded.source, {}, 5000);
  CHECK(session.total_steps() == 5000);
  CHECK(session.exit_code() == 1);
  auto late = session.seek(4990);
  REQUIRE_FALSE(late.frames.empty());
  CHECK_FALSE(late.frames[0].locals.empty());
}

namespace {

class FrontEnd final : public pylife::events::Observer {
 public:
  std::vector<std::string> tokens, nodes, symbols, emitted, codes;
  void on_token(const pylife::events::Token& e) override { tokens.push_back(std::string(e.type) + " " + std::string(e.text)); }
  void on_ast_node(const pylife::events::AstNode& e) override { nodes.emplace_back(e.kind); }
  void on_symbol(const pylife::events::Symbol& e) override {
    symbols.push_back(std::string(e.scope) + "." + std::string(e.name) + " " + std::string(e.kind));
  }
  void on_instruction_emitted(const pylife::events::Emitted& e) override {
    emitted.push_back(std::string(e.code) + " " + std::string(e.opname));
  }
  void on_code_object(const pylife::events::CodeObject& e) override { codes.emplace_back(e.code); }
};

}  // namespace

TEST_CASE("the front stages report tokens, nodes, symbols and emitted code", "[events]") {
  FrontEnd fe;
  run_with("def f(a):\n    return a + 1\nx = f(2)\n", fe);
  REQUIRE(fe.tokens.size() > 10);
  CHECK(fe.tokens[0] == "ENCODING utf-8");
  CHECK(fe.tokens[1] == "NAME def");
  // Children before parents; the Module last.
  CHECK(fe.nodes.back() == "Module");
  CHECK(std::find(fe.nodes.begin(), fe.nodes.end(), "BinOp") != fe.nodes.end());
  CHECK(std::find(fe.symbols.begin(), fe.symbols.end(), "f.a local") != fe.symbols.end());
  CHECK(std::find(fe.symbols.begin(), fe.symbols.end(), "top.x local") != fe.symbols.end());
  CHECK(fe.codes == std::vector<std::string>{"<module>", "f"});
  CHECK(std::find(fe.emitted.begin(), fe.emitted.end(), "f BINARY_OP") != fe.emitted.end());
}

namespace {

// Every instruction event in full, as one line.
class FullSteps final : public pylife::events::Observer {
 public:
  std::vector<std::string> steps;
  void on_instruction(const pylife::events::Instruction& e) override {
    steps.push_back(std::string(e.code) + " " + std::to_string(e.offset) + " " + std::string(e.opname) + " " +
                    std::to_string(e.oparg) + " line " + std::to_string(e.line) + " depth " +
                    std::to_string(e.depth) + " stack " + std::to_string(e.stack_depth));
  }
};


}  // namespace

TEST_CASE("the compact recorder gives back every step as the full events had it", "[events]") {
  const char* programs[] = {
      "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(7))\n",
      "def gen(n):\n    for i in range(n):\n        yield i * i\nprint(sum(gen(5)), [x for x in gen(3)])\n",
      ("class A:\n    def __init__(self, v):\n        self.v = v\n    def __repr__(self):\n        return f'A({self.v})'\n"
       "try:\n    print([A(i) for i in range(3)])\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', e)\n"),
      "def f(x):\n    if x == 0:\n        raise ValueError('deep')\n    return f(x - 1)\nf(5)\n",
  };
  for (const char* program : programs) {
    CAPTURE(program);
    FullSteps full;
    run(program, full);
    pylife::trace::Recorder rec;
    run(program, rec);
    REQUIRE(rec.step_count() == full.steps.size());
    for (uint64_t i = 0; i < rec.step_count(); ++i) {
      auto s = rec.step(i);
      std::string line = rec.codes()[s.code] + " " + std::to_string(s.offset) + " " +
                         std::string(pylife::trace::Recorder::opname(s.op)) + " " + std::to_string(s.arg) + " line " +
                         std::to_string(s.line) + " depth " + std::to_string(s.depth) + " stack " +
                         std::to_string(s.stack);
      CAPTURE(i);
      REQUIRE(line == full.steps[i]);
    }
    REQUIRE(rec.event_count() > 0);
  }
  // Events keep their texts: the output and the exception.
  pylife::trace::Recorder rec;
  run("print('hi')\nraise KeyError('k')\n", rec);
  std::vector<std::string> texts;
  for (uint64_t i = 0; i < rec.event_count(); ++i) texts.emplace_back(rec.text(rec.event(i)));
  CHECK(std::find(texts.begin(), texts.end(), "hi\n") != texts.end());
  CHECK(std::find(texts.begin(), texts.end(), "KeyError: 'k'") != texts.end());
}

namespace {

// The detailed events, and at every instruction the real operand stack of
// the running frame (ids, bottom first).
class DetailLog final : public pylife::events::Observer {
 public:
  std::vector<std::string> lines;
  // A stack rebuilt from push/pop events per frame depth; mismatches with
  // the real stack at each instruction.
  std::map<int, std::vector<uint64_t>> shadow;
  std::vector<std::string> mismatches;
  std::map<uint64_t, std::string> names;  // object id -> variable bound to it (for readable lines)

  bool wants_details() const override { return true; }
  void on_instruction(const pylife::events::Instruction& e) override {
    auto frames = e.state->frames();
    std::vector<uint64_t> real;
    for (const auto& v : frames.front().stack) real.push_back(v.id);
    if (shadow[e.depth] != real) {
      mismatches.push_back("step " + std::to_string(e.step) + " " + std::string(e.code) + " " + std::string(e.opname));
    }
    shadow[e.depth] = real;  // report each mismatch once
  }
  void on_frame_push(const pylife::events::Frame& e) override { shadow[e.depth].clear(); }
  void on_stack_push(const pylife::events::StackChange& e) override {
    auto& s = shadow[e.depth];
    if (static_cast<int>(s.size()) != e.position) mismatches.push_back("push position " + std::to_string(e.step));
    s.push_back(e.value.id);
    lines.push_back("push " + e.value.repr);
  }
  void on_stack_pop(const pylife::events::StackChange& e) override {
    auto& s = shadow[e.depth];
    if (s.empty() || s.back() != e.value.id || static_cast<int>(s.size()) - 1 != e.position) {
      mismatches.push_back("pop " + std::to_string(e.step));
    } else {
      s.pop_back();
    }
    lines.push_back("pop " + e.value.repr);
  }
  void on_store(const pylife::events::Store& e) override {
    if (!e.deleted) names[e.value.id] = std::string(e.name);
    lines.push_back(e.deleted ? "delete " + std::string(e.scope) + " " + std::string(e.name)
                              : "store " + std::string(e.scope) + " " + std::string(e.name) + " = " + e.value.repr);
  }
  std::string who(uint64_t id, std::string_view type) const {
    auto it = names.find(id);
    return it == names.end() ? std::string(type) : std::string(type) + " " + it->second;
  }
  void on_alloc(const pylife::events::Lifetime& e) override { lines.push_back("alloc " + std::string(e.type)); }
  void on_free(const pylife::events::Lifetime& e) override { lines.push_back("free " + who(e.id, e.type)); }
  void on_incref(const pylife::events::RefCount& e) override {
    lines.push_back("incref " + who(e.id, e.type) + " " + std::to_string(e.count));
  }
  void on_decref(const pylife::events::RefCount& e) override {
    lines.push_back("decref " + who(e.id, e.type) + " " + std::to_string(e.count));
  }
  // The lines about [what], in order.
  std::vector<std::string> about(const std::string& what) const {
    std::vector<std::string> out;
    for (const auto& l : lines) {
      if (l.find(what) != std::string::npos) out.push_back(l);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("details: x = [1]; y = x; del x moves the list's refcount 1 -> 2 -> 1", "[events][details]") {
  DetailLog log;
  run("x = [1]\ny = x\ndel x\n", log);
  CHECK(log.mismatches.empty());
  std::vector<std::string> expected = {"alloc list",   "push list[1]",    "pop list[1]",     "store global x = list[1]",
                                       "push list[1]", "incref list x 2", "pop list[1]",     "store global y = list[1]",
                                       "delete global x", "decref list y 1"};
  std::vector<std::string> got;
  for (const auto& l : log.lines) {
    if (l.find("list") != std::string::npos || l.find("delete") != std::string::npos) got.push_back(l);
  }
  CHECK(got == expected);
  CHECK(log.about("delete global x") == std::vector<std::string>{"delete global x"});
  CHECK(log.about("store global").size() == 2);
  CHECK(log.about("alloc list").size() == 1);
  CHECK(log.about("free list").empty());  // y still holds it when the program ends
}

TEST_CASE("details: an object is freed when its last reference goes", "[events][details]") {
  DetailLog log;
  run("x = [1, 2]\nx = None\n", log);
  CHECK(log.mismatches.empty());
  auto l = log.about("list");
  REQUIRE(l.size() >= 3);
  CHECK(l.front() == "alloc list");
  CHECK(std::find(l.begin(), l.end(), "decref list x 0") != l.end());
  CHECK(l.back() == "free list x");
}

TEST_CASE("details: operands are pushed and popped as CPython's instructions take them", "[events][details]") {
  DetailLog log;
  run("a = 7\nb = a * 6\n", log);
  CHECK(log.mismatches.empty());
  // BINARY_OP takes 7 and 6 (top first) and leaves 42, which STORE_NAME takes.
  std::vector<std::string> moves;
  for (const auto& l : log.lines) {
    if (l.rfind("push", 0) == 0 || l.rfind("pop", 0) == 0 || l.rfind("store", 0) == 0) moves.push_back(l);
  }
  auto it = std::find(moves.begin(), moves.end(), "pop 6");
  REQUIRE(it != moves.end());
  REQUIRE(moves.end() - it >= 5);
  CHECK(*(it + 1) == "pop 7");
  CHECK(*(it + 2) == "push 42");
  CHECK(*(it + 3) == "pop 42");
  CHECK(*(it + 4) == "store global b = 42");
}

TEST_CASE("details: the stack events rebuild every frame's real operand stack", "[events][details]") {
  const char* programs[] = {
      "def f(a, b=2):\n    c = a + b\n    return c * 2\nprint(f(1), f(3, b=4))\n",
      "def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\nprint([fact(i) for i in range(6)])\n",
      ("def g(x):\n    if x > 2:\n        raise ValueError(x)\n    return g(x + 1)\ntry:\n    g(0)\nexcept ValueError as e:\n"
       "    print('caught', e)\nfinally:\n    print('done')\n"),
      ("class P:\n    def __init__(self, x):\n        self.x = x\n    def __add__(self, o):\n        return P(self.x + o.x)\n"
       "s = P(1) + P(2)\nprint(s.x, sorted([3, 1, 2], key=lambda v: -v))\n"),
      ("class Ctx:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n        return False\n"
       "d = {}\nfor w in 'a b a c b a'.split():\n    d[w] = d.get(w, 0) + 1\nwith Ctx() as n:\n    pass\n"
       "print(sorted(d.items()))\n"),
      ("def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    inc(); inc()\n"
       "    return n\nprint(outer())\nx = 5\ndel x\n"),
  };
  for (const char* program : programs) {
    CAPTURE(program);
    DetailLog log;
    CHECK(run(program, log) == 0);
    CHECK(log.mismatches == std::vector<std::string>{});
  }
}

TEST_CASE("details: a generator's frame takes the sent value when it resumes", "[events][details]") {
  DetailLog log;
  run("def gen():\n    got = yield 1\n    yield got * 10\ng = gen()\nprint(next(g), g.send(4))\n", log);
  CHECK(std::find(log.lines.begin(), log.lines.end(), "store local got = 4") != log.lines.end());
  CHECK(std::find(log.lines.begin(), log.lines.end(), "push 40") != log.lines.end());
}

TEST_CASE("the heap view: objects the frames reach and their references", "[events][state]") {
  class HeapAt final : public pylife::events::Observer {
   public:
    std::vector<pylife::events::HeapObject> heap;
    void on_instruction(const pylife::events::Instruction& e) override {
      if (e.opname == "RETURN_VALUE" && e.depth == 1) heap = e.state->heap(500);
    }
  } obs;
  run("a = [10, 'two']\nb = {'k': a}\nc = (a, b)\nclass P:\n    pass\np = P()\np.friend = c\n", obs);
  auto find = [&](const std::string& type) -> const pylife::events::HeapObject* {
    for (const auto& h : obs.heap) {
      if (h.value.type == type) return &h;
    }
    return nullptr;
  };
  auto has_ref = [&](const pylife::events::HeapObject* from, const pylife::events::HeapObject* to) {
    return std::find(from->refs.begin(), from->refs.end(), to->value.id) != from->refs.end();
  };
  const auto* list = find("list");
  const auto* dict = find("dict");
  const auto* tuple = find("tuple");
  const auto* inst = find("P");
  REQUIRE(list);
  REQUIRE(dict);
  REQUIRE(tuple);
  REQUIRE(inst);
  CHECK(list->value.repr == "list[2]");
  CHECK(list->refs.size() == 2);  // 10 and 'two'
  CHECK(has_ref(dict, list));
  CHECK(has_ref(tuple, list));
  CHECK(has_ref(tuple, dict));
  CHECK(list->value.refcount == 3);  // a, b['k'], c[0]
  // The instance refers to its attribute values itself (CPython 3.11's
  // inline values: no dict object until __dict__ is asked for).
  CHECK(has_ref(inst, tuple));
  // The class is shown but not followed.
  const auto* cls = find("type");
  REQUIRE(cls);
  CHECK(cls->refs.empty());
}

TEST_CASE("details: a call reports the function's arguments as bound", "[events][details]") {
  class Calls final : public pylife::events::Observer {
   public:
    std::vector<std::string> calls;
    bool wants_details() const override { return true; }
    void on_frame_push(const pylife::events::Frame& e) override {
      std::string line(e.code);
      for (const auto& [name, v] : e.arguments) line += " " + name + "=" + v.repr;
      calls.push_back(line);
    }
  } obs;
  run("def f(a, b=2, *rest, key=None, **kw):\n    return a\nf(1, 5, 6, key='k', z=0)\n", obs);
  REQUIRE(obs.calls.size() == 2);
  CHECK(obs.calls[0] == "<module>");
  CHECK(obs.calls[1] == "f a=1 b=5 key='k' rest=tuple[1] kw=dict[1]");  // co_varnames order
}

TEST_CASE("seek(n) shows exactly the state the first run had before step n", "[session]") {
  // The frames as a live observer saw them at every step of one run.
  class Live final : public pylife::events::Observer {
   public:
    std::vector<std::string> states;
    void on_instruction(const pylife::events::Instruction& e) override {
      std::string s;
      for (const auto& f : e.state->frames()) {
        s += " [" + f.code + ":" + std::to_string(f.line);
        for (const auto& [name, v] : f.locals) s += " " + name + "=" + v.repr + "#" + std::to_string(v.refcount);
        for (const auto& v : f.stack) s += " ^" + v.repr + "#" + std::to_string(v.refcount);
        s += "]";
      }
      states.push_back(s);
    }
  };
  const char* programs[] = {
      kProgram,
      "def gen(n):\n    for i in range(n):\n        yield i * 2\nacc = []\nfor v in gen(4):\n    acc.append(v)\nprint(acc)\n",
      ("def risky(x):\n    if x % 3 == 0:\n        raise ValueError(x)\n    return x\nout = 0\nfor i in range(7):\n"
       "    try:\n        out += risky(i)\n    except ValueError:\n        out -= 1\nprint(out)\n"),
      ("class Box:\n    def __init__(self, v):\n        self.v = v\n    def grow(self):\n        self.v = self.v + [len(self.v)]\n"
       "        return self\nb = Box([])\nfor _ in range(3):\n    b.grow()\nprint(b.v)\n"),
  };
  for (const char* program : programs) {
    CAPTURE(program);
    Live live;
    run(program, live);
    auto session = session_for(program);
    REQUIRE(session.total_steps() == live.states.size());
    for (uint64_t n = 1; n <= session.total_steps(); ++n) {
      auto p = session.seek(n);
      std::string s;
      for (const auto& f : p.frames) {
        s += " [" + f.code + ":" + std::to_string(f.line);
        for (const auto& [name, v] : f.locals) s += " " + name + "=" + v.repr + "#" + std::to_string(v.refcount);
        for (const auto& v : f.stack) s += " ^" + v.repr + "#" + std::to_string(v.refcount);
        s += "]";
      }
      INFO("step " << n);
      REQUIRE(s == live.states[n - 1]);
      // Back one step and forward again: the same state.
      if (n > 1) REQUIRE(describe(session.seek(session.step_instruction(session.step_back(n)))) == describe(p));
    }
  }
}
