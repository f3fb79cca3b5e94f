// The UI's view model (ui/model.h): what the VM panels show at a step,
// stepping, breakpoints, playback and input, without drawing anything.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <unistd.h>

#include "autosave.h"
#include "editing.h"
#include "lesson.h"
#include "model.h"
#include "pylife/fs.h"
#include "pylife/pyc.h"
#include "pylife/lex.h"
#include "pylife/source.h"
#include "span.h"

namespace {

pylife::source::Source program(const std::string& text) {
  auto d = pylife::source::decode(text, "lesson.py");
  REQUIRE(d.ok);
  d.source.filename = "lesson.py";
  return d.source;
}

const char* const kCalls =
    "def square(n):\n"      // 1
    "    result = n * n\n"  // 2
    "    return result\n"   // 3
    "total = 0\n"           // 4
    "for i in range(3):\n"  // 5
    "    total += square(i)\n"  // 6
    "print(total)\n";       // 7

}  // namespace

TEST_CASE("the model starts before the first instruction and ends after the last", "[ui]") {
  pylife::ui::RunModel m;
  CHECK_FALSE(m.ready());
  m.start(program(kCalls));
  REQUIRE(m.ready());
  CHECK(m.step() == 1);
  CHECK(m.at().frames.size() == 1);
  CHECK(m.at().frames[0].code == "<module>");
  CHECK(m.total() > 40);
  // By line (the default) the steps are sys.settrace's events: the
  // module's call, then its first line.
  REQUIRE(m.by_line());
  CHECK(m.position() == 1);
  CHECK(m.length() == m.events().size());
  CHECK(m.event()->kind == pylife::events::Trace::Kind::kCall);
  CHECK(m.next_line() == 1);
  CHECK(m.last_line() == 0);
  m.to_end();
  CHECK(m.position() == m.length());
  CHECK(m.event()->kind == pylife::events::Trace::Kind::kReturn);
  CHECK(m.event()->depth == 1);
  CHECK(m.next_line() == 7);
  // By instruction the end is past the last one.
  m.set_granularity(pylife::ui::RunModel::Granularity::kInstruction);
  m.seek(m.total() + 100);  // clamped
  CHECK(m.step() == m.total() + 1);
  CHECK(m.finished());
  CHECK(m.at().output == "5\n");
  CHECK(m.final_output() == "5\n");
  CHECK(m.exit_code() == 0);
}

TEST_CASE("stepping by line enters calls; over and out do not stay in them", "[ui]") {
  pylife::ui::RunModel m;
  m.start(program(kCalls));
  // Line by line until the call on line 6 is entered.
  int guard = 0;
  while (m.at().line != 2 && guard++ < 100) m.step_line();
  REQUIRE(m.at().line == 2);
  REQUIRE(m.at().frames.size() == 2);
  CHECK(m.at().frames[0].code == "square");
  CHECK(m.at().frames[0].locals.size() == 1);  // n, before result is bound
  // Out: to square's return first (its frame still there), then on into
  // the module.
  m.step_out();
  REQUIRE(m.event() != nullptr);
  CHECK(m.event()->kind == pylife::events::Trace::Kind::kReturn);
  CHECK(m.at().frames.size() == 2);
  CHECK(m.next_line() == 3);
  CHECK(m.last_line() == 0);  // line 3 is the one returning: no second marker
  m.step_out();
  CHECK(m.at().frames.size() == 1);
  CHECK(m.next_line() == 5);  // the loop's next turn
  CHECK(m.last_line() == 6);
  // Back out: to the module's line that made the call.
  m.step_line();  // line 6 again
  m.step_line();  // call square
  CHECK(m.at().frames.size() == 2);
  m.step_back_out();
  CHECK(m.at().frames.size() == 1);
  CHECK(m.next_line() == 6);
  // Over: the next line of the module, never inside square.
  uint64_t before = m.step();
  m.step_over();
  CHECK(m.step() > before);
  CHECK(m.at().frames.size() == 1);
  // Back by instruction and by line.
  uint64_t here = m.step();
  m.step_back();
  CHECK(m.step() == here - 1);
  m.step_instruction();
  CHECK(m.step() == here);
}

TEST_CASE("breakpoints: run to the next line start on one, and playing stops there", "[ui]") {
  pylife::ui::RunModel m;
  m.start(program(kCalls));
  m.toggle_breakpoint(3);
  REQUIRE(m.breakpoints().count(3));
  m.run_to_breakpoint();
  CHECK(m.at().line == 3);
  CHECK(m.at().frames[0].code == "square");
  // i == 0: result is 0.
  auto locals = m.at().frames[0].locals;
  REQUIRE(locals.size() == 2);
  CHECK(locals[1].first == "result");
  CHECK(locals[1].second.repr == "0");
  // The same breakpoint on the next call: a later step, result 1.
  uint64_t first = m.step();
  m.run_to_breakpoint();
  CHECK(m.step() > first);
  CHECK(m.at().frames[0].locals[1].second.repr == "1");
  // Playing from the start stops at the breakpoint too.
  m.seek(1);
  m.set_speed(1000);
  m.set_playing(true);
  for (int i = 0; i < 100 && m.playing(); ++i) m.tick(1.0 / 60);
  CHECK_FALSE(m.playing());
  CHECK(m.at().line == 3);
  m.toggle_breakpoint(3);
  CHECK(m.breakpoints().empty());
  m.run_to_breakpoint();  // none left: the end
  CHECK(m.position() == m.length());
}

TEST_CASE("what the VM panels show: the stack, the heap and the last step's changes", "[ui]") {
  pylife::ui::RunModel m;
  m.start(program("x = [1, 2]\ny = x\nprint(len(y))\n"));
  // Walk to the step after `y = x` stored: both names hold the list.
  int guard = 0;
  while (m.at().line != 3 && guard++ < 100) m.step_instruction();
  REQUIRE(m.at().line == 3);
  const auto& heap = m.at().heap;
  const pylife::events::HeapObject* list = nullptr;
  for (const auto& h : heap) {
    if (h.value.type == "list") list = &h;
  }
  REQUIRE(list);
  CHECK(list->value.refcount == 2);
  CHECK(list->refs.size() == 2);
  // The step before stored y: its changes say so.
  m.step_back();
  m.step_instruction();
  bool stored_y = false;
  for (const auto& c : m.at().changes) {
    if (c.kind == pylife::trace::Session::Change::Kind::kStore && c.text == "y") stored_y = true;
  }
  CHECK(stored_y);
  // Mid-expression: the operand stack holds the pieces.
  while (m.at().opname != "PRECALL" && guard++ < 200) m.step_instruction();
  REQUIRE(m.at().opname == "PRECALL");
  CHECK_FALSE(m.at().frames[0].stack.empty());
}

TEST_CASE("input: a run that needs more input waits, and a line typed resumes it", "[ui]") {
  pylife::ui::RunModel m;
  m.start(program("name = input('name? ')\nprint('hi', name)\n"));
  CHECK(m.waiting_for_input());
  // The steps end at the line that waits: no EOFError among them.
  m.to_end();
  CHECK(m.next_line() == 1);
  CHECK(m.event()->kind == pylife::events::Trace::Kind::kLine);
  CHECK(m.narration().find("waits for you to type") != std::string::npos);
  for (const auto& e : m.events()) CHECK(e.kind != pylife::events::Trace::Kind::kException);
  m.add_input("Ada");
  CHECK_FALSE(m.waiting_for_input());
  // The answer is echoed after the prompt, as a terminal shows it.
  m.to_end();
  CHECK(m.final_output() == "name? Ada\nhi Ada\n");
  m.seek(m.total() + 1);
  CHECK(m.at().output == "name? Ada\nhi Ada\n");
  // Stepping back and forth replays the answer.
  m.to_start();
  m.seek_line(2);
  CHECK(m.at().output == "name? Ada\n");
}

TEST_CASE("input given up front: the box's lines are the program's stdin", "[ui]") {
  using pylife::ui::stdin_lines;
  CHECK(stdin_lines("").empty());
  CHECK(stdin_lines("Ada") == std::vector<std::string>{"Ada"});
  CHECK(stdin_lines("Ada\r\nBob\n") == std::vector<std::string>{"Ada", "Bob"});
  CHECK(stdin_lines("\n\nx") == std::vector<std::string>{"", "", "x"});
  pylife::ui::RunModel m;
  m.start(program("a = input('a? ')\nb = input('b? ')\nprint(a + b)\n"));
  CHECK(m.waiting_for_input());
  m.seek_line(2);
  uint64_t here = m.step();
  m.set_input(stdin_lines("1\n2\n"));
  CHECK_FALSE(m.waiting_for_input());
  CHECK(m.step() == here);  // back at the same step
  m.to_end();
  CHECK(m.final_output() == "a? 1\nb? 2\n12\n");
  // Fewer lines than input() asks for: it waits at the one missing.
  m.set_input({"x"});
  CHECK(m.waiting_for_input());
  m.to_end();
  CHECK(m.next_line() == 2);
  m.add_input("y");
  m.to_end();
  CHECK(m.final_output() == "a? x\nb? y\nxy\n");
}

TEST_CASE("the account of each step names an uncaught exception on its way out", "[ui]") {
  pylife::ui::RunModel m;
  m.start(program("def f(x):\n    return 1 / x\n\nf(0)\n"));
  m.to_end();
  CHECK(m.narration() ==
        "The exception was not caught (ZeroDivisionError: division by zero): the program stops here (exit code 1).");
  m.step_back_line();
  CHECK(m.narration() == "ZeroDivisionError: division by zero on line 4 in <module>.");
  m.step_back_line();
  CHECK(m.narration() == "f ends because of the exception (ZeroDivisionError: division by zero); its caller gets it next.");
}

TEST_CASE("a runaway program keeps a history up to its budget", "[ui]") {
  pylife::ui::RunModel m;
  m.start(program("n = 0\nwhile True:\n    n += 1\n"), {}, 5000);
  CHECK(m.stopped_by_budget());
  CHECK(m.total() == 5000);
  m.seek(4000);
  REQUIRE_FALSE(m.at().frames.empty());
  CHECK(m.at().line >= 2);
  // Its last step says so in a learner's words.
  m.set_granularity(pylife::ui::RunModel::Granularity::kLine);
  m.to_end();
  CHECK(m.narration() == "pylife stopped the program after 5000 instructions: it may be in a loop that never ends.");
}

TEST_CASE("lessons: a program and stops naming stages, steps and lines", "[ui][lesson]") {
  auto r = pylife::ui::parse_lesson(
      "title: Demo\n"
      "# a comment\n"
      "program:\n"
      "x = 1\n"
      "\n"
      "y = x + 1\n"
      "\n"
      "stop: stage tokens\n"
      "Tokens first,\n"
      "then more.\n"
      "\n"
      "A second paragraph.\n"
      "stop: step 3 panel Heap\n"
      "After three instructions.\n"
      "stop: line 3 time 2\n"
      "stop: end\n"
      "Done.\n");
  REQUIRE(r.ok);
  CHECK(r.lesson.title == "Demo");
  CHECK(r.lesson.program == "x = 1\n\ny = x + 1\n");
  REQUIRE(r.lesson.stops.size() == 4);
  using K = pylife::ui::LessonStop::Kind;
  CHECK(r.lesson.stops[0].kind == K::kStage);
  CHECK(r.lesson.stops[0].stage == "tokens");
  CHECK(r.lesson.stops[0].caption == "Tokens first, then more.\n\nA second paragraph.");
  CHECK(r.lesson.stops[1].kind == K::kStep);
  CHECK(r.lesson.stops[1].step == 3);
  CHECK(r.lesson.stops[1].panel == "Heap");
  CHECK(r.lesson.stops[2].kind == K::kLine);
  CHECK(r.lesson.stops[2].line == 3);
  CHECK(r.lesson.stops[2].occurrence == 2);
  CHECK(r.lesson.stops[3].kind == K::kEnd);
  CHECK(r.lesson.stops[3].caption == "Done.");
}

TEST_CASE("lessons: the program's modules, and edits to them at a stop", "[ui][lesson]") {
  auto r = pylife::ui::parse_lesson(
      "title: t\nprogram:\nimport m\n\nfile: m.py\nx = 1\n\nstop: line 1\nfirst\n"
      "stop: end panel Imports\nedited\nfile: m.py\nx = 2\n\nfile: n.py\ny = 3\nstop: end\nlast\n");
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(r.lesson.program == "import m\n");
  REQUIRE(r.lesson.files.size() == 1);
  CHECK(r.lesson.files[0].text == "x = 1\n");
  REQUIRE(r.lesson.stops.size() == 3);
  CHECK(r.lesson.stops[1].caption == "edited");
  REQUIRE(r.lesson.stops[1].edits.size() == 2);
  auto at0 = r.lesson.files_at(0), at2 = r.lesson.files_at(2);
  CHECK(at0.size() == 1);
  REQUIRE(at2.size() == 2);
  CHECK(at2[0].text == "x = 2\n");
  CHECK(at2[1].name == "n.py");
  CHECK_FALSE(pylife::ui::parse_lesson("title: t\nfile: m.py\nprogram:\nx\nstop: end\nc\n").ok);
  CHECK_FALSE(pylife::ui::parse_lesson("title: t\nprogram:\nx\nfile: ../m.py\nstop: end\nc\n").ok);
}

TEST_CASE("lessons: mistakes are reported with their line", "[ui][lesson]") {
  CHECK(pylife::ui::parse_lesson("title: x\nstop: stage tokens\n").error ==
        "lesson line 2: the lesson has no 'program:' section");
  CHECK(pylife::ui::parse_lesson("program:\nx = 1\nstop: stage bits\n").error ==
        "lesson line 3: unknown stage 'bits' (source, tokens, ast, bytecode, vm, termination)");
  CHECK(pylife::ui::parse_lesson("program:\nx = 1\nstop: line zero\n").error ==
        "lesson line 3: 'line' needs a number, not 'zero'");
  CHECK(pylife::ui::parse_lesson("hello\n").error == "lesson line 1: expected 'title:', 'program:' or 'stop:', got 'hello'");
  CHECK(pylife::ui::parse_lesson("program:\nx = 1\n").error == "lesson line 2: the lesson has no stops");
}

TEST_CASE("seek_line finds the n-th time a line is entered", "[ui]") {
  pylife::ui::RunModel m;
  m.start(program(kCalls));
  m.seek_line(2);
  CHECK(m.at().line == 2);
  CHECK(m.at().frames[0].locals[0].second.repr == "0");  // n == 0
  m.seek_line(2, 3);
  CHECK(m.at().line == 2);
  CHECK(m.at().frames[0].locals[0].second.repr == "2");  // the third call
  m.seek_line(2, 4);  // there is no fourth
  CHECK(m.position() == m.length());
}

TEST_CASE("the shipped lessons parse and every stop is reachable", "[ui][lesson]") {
  namespace fs = std::filesystem;
  int lessons = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(PYLIFE_SOURCE_DIR) / "public/lessons")) {
    if (entry.path().extension() != ".lesson") continue;
    ++lessons;
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto r = pylife::ui::parse_lesson(text);
    INFO(entry.path().string() << ": " << r.error);
    REQUIRE(r.ok);
    CHECK_FALSE(r.lesson.title.empty());
    // The program runs with its modules as they are at each stop (a stop
    // that edits one runs it again, on the files the last run left).
    pylife::ui::RunModel m;
    std::shared_ptr<pylife::fs::MemoryFileSystem> files;
    std::vector<std::pair<std::string, std::string>> shown;
    for (size_t i = 0; i < r.lesson.stops.size(); ++i) {
      const auto& stop = r.lesson.stops[i];
      std::vector<std::pair<std::string, std::string>> now;
      for (const auto& f : r.lesson.files_at(i)) now.emplace_back(f.name, f.text);
      if (i == 0 || now != shown) {
        files = pylife::ui::next_files(files.get(), m.imports(), now, "/program");
        m.start(program(r.lesson.program), {}, 10'000'000, files.get(), "/program");
        shown = now;
        CHECK(m.exit_code() == 0);
      }
      CHECK_FALSE(stop.caption.empty());
      if (stop.kind == pylife::ui::LessonStop::Kind::kLine) {
        m.seek_line(stop.line, stop.occurrence);
        CHECK_FALSE(m.finished());  // the line is reached
        CHECK(m.at().line == stop.line);
      }
      if (stop.kind == pylife::ui::LessonStop::Kind::kStep) CHECK(stop.step < m.total());
    }
  }
  CHECK(lessons >= 3);
}

TEST_CASE("spans link tokens, nodes and instructions by the characters they cover", "[ui]") {
  using pylife::ui::Span;
  // Byte columns (CPython's for nodes and instructions) become code points.
  std::vector<std::string> lines = {"s = 'h\xc3\xa9llo' + x", "print(s)"};
  Span node = pylife::ui::span_of(lines, 1, 13, 1, 16);  // `+ x`: bytes 13-16
  CHECK(node == Span{1, 12, 1, 15});
  Span str = pylife::ui::span_of(lines, 1, 4, 1, 12);  // the string literal
  CHECK(str == Span{1, 4, 1, 11});
  CHECK(str.contains(1, 4));
  CHECK(str.contains(1, 10));
  CHECK_FALSE(str.contains(1, 11));
  CHECK_FALSE(str.contains(2, 5));
  // Over two lines.
  Span two{1, 10, 2, 3};
  CHECK(two.contains(1, 30));
  CHECK(two.contains(2, 0));
  CHECK_FALSE(two.contains(2, 3));
  CHECK(pylife::ui::span_of(lines, -1, 0, -1, 0).empty());  // no position
  // A token from the tokenizer and the AST node of the same name agree.
  auto d = pylife::source::decode("caf\xc3\xa9 = 1\nprint(caf\xc3\xa9)\n", "t.py");
  REQUIRE(d.ok);
  auto toks = pylife::lex::tokenize(d.source);
  const pylife::lex::Token& name = toks.tokens[1];
  Span token{name.start.line, name.start.col, name.end.line, name.end.col};
  std::vector<std::string> src = {"caf\xc3\xa9 = 1", "print(caf\xc3\xa9)"};
  CHECK(token == pylife::ui::span_of(src, 1, 0, 1, 5));  // ast: col_offset 0, end_col_offset 5 bytes
}

TEST_CASE("autosave: the editor's text survives, one file per program", "[ui]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("pylife-autosave-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::path untitled = pylife::ui::autosave_path(dir, std::nullopt);
  fs::path mine = pylife::ui::autosave_path(dir, std::string("/home/ada/lesson.py"));
  CHECK(untitled != mine);
  CHECK(untitled.parent_path() == mine.parent_path());
  CHECK_FALSE(pylife::ui::read_text(untitled));
  REQUIRE(pylife::ui::save_text(untitled, "print('typed')\n"));
  REQUIRE(pylife::ui::save_text(mine, "x = 1\n"));
  CHECK(pylife::ui::read_text(untitled) == std::optional<std::string>("print('typed')\n"));
  CHECK(pylife::ui::read_text(mine) == std::optional<std::string>("x = 1\n"));
  REQUIRE(pylife::ui::save_text(untitled, "print('edited')\n"));  // replaced whole
  CHECK(pylife::ui::read_text(untitled) == std::optional<std::string>("print('edited')\n"));
  CHECK_FALSE(fs::exists(fs::path(untitled.string() + ".tmp")));
  CHECK(pylife::ui::autosave_path({}, std::nullopt).empty());
  fs::remove_all(dir);
}

TEST_CASE("a program imports its own modules from the files it is given", "[ui]") {
  pylife::fs::MemoryFileSystem files;
  files.write_file("/program/helper.py", "def twice(x):\n    return 2 * x\n");
  pylife::ui::RunModel m;
  m.start(program("import helper\nprint(helper.twice(21))\n"), {}, 100000, &files, "/program");
  REQUIRE(m.exit_code() == 0);
  m.seek(m.total() + 1);
  CHECK(m.at().output == "42\n");
  // Stepping into the module's function shows its frame: the program's
  // own modules are traced too.
  m.seek_line(2);
  m.step_line();
  REQUIRE_FALSE(m.at().frames.empty());
  CHECK(m.at().frames[0].code == "twice");
  // Without the files: CPython's error.
  pylife::ui::RunModel bare;
  bare.start(program("import helper\n"));
  CHECK(bare.exit_code() == 1);
  CHECK(bare.final_output().find("ModuleNotFoundError: No module named 'helper'") != std::string::npos);
}

TEST_CASE("Collect now: the model asks for a collection here and stays at the step", "[ui][gc]") {
  pylife::ui::RunModel m;
  m.start(program("class D:\n"
                  "    def __del__(self):\n"
                  "        print('freed')\n"
                  "d = D()\n"
                  "d.me = d\n"
                  "del d\n"
                  "x = 1\n"
                  "print('end')\n"));
  REQUIRE(m.seek_line(7));
  uint64_t here = m.step();
  size_t before = m.collections().size();
  REQUIRE(m.collect_now());
  CHECK(m.step() == here);
  CHECK(m.collections().size() == before + 1);
  REQUIRE(m.at().collection);
  CHECK(m.at().collection->collected == 1);
  // Input typed later keeps the requested collection.
  m.add_input("unused");
  CHECK(m.collections().size() == before + 1);
  m.seek(m.total() + 1);
  CHECK(m.final_output() == "freed\nend\n");
  // Nothing to collect at the end.
  CHECK_FALSE(m.collect_now());
}

TEST_CASE("a module's bytecode cache carries over between runs and goes stale when it is edited", "[ui][pyc]") {
  using Stage = pylife::events::Import::Stage;
  auto stages = [](const pylife::ui::RunModel& m) {
    std::vector<Stage> out;
    for (const auto& e : m.imports()) {
      if (e.name == "helper") out.push_back(e.stage);
    }
    return out;
  };
  auto has = [](const std::vector<Stage>& v, Stage s) { return std::find(v.begin(), v.end(), s) != v.end(); };
  std::vector<std::pair<std::string, std::string>> sources = {{"helper.py", "def f():\n    return 1\n"}};
  auto src = program("import helper\nprint(helper.f())\n");

  auto files1 = pylife::ui::next_files(nullptr, {}, sources, "/program");
  pylife::ui::RunModel m1;
  m1.start(src, {}, 100000, files1.get(), "/program");
  CHECK(has(stages(m1), Stage::kCacheMiss));
  CHECK(has(stages(m1), Stage::kCacheWrite));
  // The .pyc bytes travel with the event (the .pyc panel shows them).
  for (const auto& e : m1.imports()) {
    if (e.stage == Stage::kCacheWrite) CHECK(pylife::pyc::read_pyc(e.pyc).ok);
  }

  auto files2 = pylife::ui::next_files(files1.get(), m1.imports(), sources, "/program");
  pylife::ui::RunModel m2;
  m2.start(src, {}, 100000, files2.get(), "/program");
  CHECK(has(stages(m2), Stage::kCacheHit));
  CHECK_FALSE(has(stages(m2), Stage::kCompile));
  // Replays see the same files: seeking does not change what was recorded.
  m2.seek(3);
  m2.seek(m2.total() + 1);
  CHECK(m2.final_output() == "1\n");

  sources[0].second = "def f():\n    return 2\n";
  auto files3 = pylife::ui::next_files(files2.get(), m2.imports(), sources, "/program");
  pylife::ui::RunModel m3;
  m3.start(src, {}, 100000, files3.get(), "/program");
  CHECK(has(stages(m3), Stage::kCacheStale));
  CHECK(has(stages(m3), Stage::kCompile));
  CHECK(m3.final_output() == "2\n");

  // A removed module is gone from the next run's files (its cache stays).
  auto files4 = pylife::ui::next_files(files3.get(), m3.imports(), {}, "/program");
  CHECK_FALSE(files4->read_file("/program/helper.py").ok);
  CHECK(files4->read_file("/program/__pycache__/helper.pylife-311.pyc").ok);
}

TEST_CASE("the teardown after the last instruction is recorded in CPython's order", "[ui][exit]") {
  using T = pylife::events::Teardown::Stage;
  pylife::ui::RunModel m;
  m.start(program("import atexit\n"
                  "atexit.register(print, 'bye')\n"
                  "class A:\n"
                  "    def __del__(self):\n"
                  "        print('del a')\n"
                  "a = A()\n"));
  m.seek(m.total() + 1);
  CHECK(m.final_output() == "bye\ndel a\n");
  std::vector<T> order;
  for (const auto& t : m.teardown()) order.push_back(t.stage);
  REQUIRE(order.size() >= 6);
  CHECK(order.front() == T::kAtexit);
  CHECK(order[1] == T::kFlush);
  CHECK(order.back() == T::kDone);
  CHECK(std::count(order.begin(), order.end(), T::kCollected) == 2);
  CHECK(std::find(order.begin(), order.end(), T::kModuleRemoved) < std::find(order.begin(), order.end(), T::kModulesCleared));
  CHECK(m.teardown().front().name == "print");
}

TEST_CASE("Ctrl-C here: KeyboardInterrupt before the step on screen, kept by every replay", "[ui][exit]") {
  pylife::ui::RunModel m;
  m.start(program("import atexit\n"
                  "atexit.register(print, 'atexit ran')\n"
                  "n = 0\n"
                  "try:\n"
                  "    while n < 1000:\n"
                  "        n += 1\n"
                  "except KeyboardInterrupt:\n"
                  "    print('interrupted at', n)\n"
                  "print('after')\n"));
  CHECK(m.final_output() == "after\natexit ran\n");
  REQUIRE(m.seek_line(6, 5));
  uint64_t here = m.step();
  REQUIRE(m.interrupt_now());
  CHECK(m.step() == here);
  m.seek(m.total() + 1);
  CHECK(m.final_output() == "interrupted at 4\nafter\natexit ran\n");
  CHECK(m.exit_code() == 0);
  // Input typed later keeps the interruption.
  m.add_input("unused");
  CHECK(m.final_output() == "interrupted at 4\nafter\natexit ran\n");
  // Uncaught: CPython's traceback and the status a shell sees (130).
  pylife::ui::RunModel bare;
  bare.start(program("while True:\n    pass\n"), {}, 1000);
  bare.seek(50);
  REQUIRE(bare.interrupt_now());
  CHECK(bare.exit_code() == 130);
  CHECK(bare.final_output().find("KeyboardInterrupt\n") != std::string::npos);
  CHECK_FALSE(bare.stopped_by_budget());
}

TEST_CASE("line steps are the events CPython's sys.settrace reports, for every example", "[ui][lines]") {
  // The lesson programs of public/examples, as the visualizer opens them:
  // the step counter counts exactly the events of `pylife trace --lines`
  // (tests/golden/examples/NAME.lines, from CPython 3.11).
  namespace stdfs = std::filesystem;
  std::string root = PYLIFE_SOURCE_DIR;
  int checked = 0;
  for (const auto& entry : stdfs::directory_iterator(root + "/public/examples")) {
    if (entry.path().extension() != ".py") continue;
    std::string name = entry.path().stem().string();
    if (name == "15_generations") continue;  // tests/golden/lines-known.txt
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ifstream golden(root + "/tests/golden/examples/" + name + ".lines", std::ios::binary);
    std::string want((std::istreambuf_iterator<char>(golden)), std::istreambuf_iterator<char>());
    auto d = pylife::source::decode(text, entry.path().string());
    REQUIRE(d.ok);
    pylife::ui::RunModel m;
    m.start(d.source);
    INFO(name);
    CHECK(m.length() == static_cast<uint64_t>(std::count(want.begin(), want.end(), '\n')));
    // Walking with Into visits them in order, "step k of N" agreeing.
    std::string got;
    for (uint64_t k = 1; k <= m.length(); ++k) {
      CHECK(m.position() == k);
      const auto* e = m.event();
      REQUIRE(e != nullptr);
      got += std::string(pylife::events::kind_name(e->kind)) + " " + m.event_code(*e) + " " + std::to_string(e->line) + "\n";
      if (k < m.length()) CHECK(m.step_line());
    }
    CHECK_FALSE(m.step_line());  // nothing past the end
    CHECK(m.position() == m.length());
    CHECK(got == want);
    ++checked;
  }
  CHECK(checked >= 15);
}

TEST_CASE("the editor indents as a Python editor does", "[ui][editing]") {
  using pylife::ui::indent_after_newline;
  // Keep the indentation; one level more after ':'; one less after return.
  CHECK(indent_after_newline("x = 1\n", 6) == "");
  CHECK(indent_after_newline("def f(x):\n", 10) == "    ");
  CHECK(indent_after_newline("    if x:  # comment\n", 21) == "        ");
  CHECK(indent_after_newline("    y = 2\n", 10) == "    ");
  CHECK(indent_after_newline("        return y\n", 17) == "    ");
  CHECK(indent_after_newline("    pass\n", 9) == "");
  CHECK(indent_after_newline("    raise ValueError(x)\n", 24) == "");
  CHECK(indent_after_newline("    returned = 1\n", 17) == "    ");
  // Tab: spaces to the next multiple of four; with lines selected, each
  // line gains four; Shift+Tab takes up to four away.
  pylife::ui::TextEdit e{"ab", 2, 2, 2};
  e = pylife::ui::indent(e, false);
  CHECK(e.text == "ab  ");
  CHECK(e.cursor == 4);
  pylife::ui::TextEdit lines{"a\nb\nc\n", 0, 0, 4};
  lines = pylife::ui::indent(lines, false);
  CHECK(lines.text == "    a\n    b\nc\n");
  lines = pylife::ui::indent(lines, true);
  CHECK(lines.text == "a\nb\nc\n");
  pylife::ui::TextEdit one{"      x\n", 7, 7, 7};
  one = pylife::ui::indent(one, true);
  CHECK(one.text == "  x\n");
  CHECK(one.cursor == 3);
  // Ctrl+/ comments the lines in at their common indentation, and out.
  pylife::ui::TextEdit c{"if x:\n    y()\n", 0, 0, 13};
  c = pylife::ui::toggle_comment(c);
  CHECK(c.text == "# if x:\n#     y()\n");
  c = pylife::ui::toggle_comment(c);
  CHECK(c.text == "if x:\n    y()\n");
}

TEST_CASE("undo goes back a word or a paste at a time", "[ui][editing]") {
  pylife::ui::UndoHistory h;
  using Kind = pylife::ui::UndoHistory::Kind;
  // Type "ab cd" a character at a time, then paste "XYZ".
  std::string text;
  double t = 0;
  for (char ch : std::string("ab cd")) {
    pylife::ui::TextEdit before{text, static_cast<int>(text.size()), 0, 0};
    std::string after = text + ch;
    h.edited(before, after, Kind::kTyping, t += 0.1);
    text = after;
  }
  h.edited({text, static_cast<int>(text.size()), 0, 0}, text + "XYZ", Kind::kPaste, t += 0.1);
  text += "XYZ";
  pylife::ui::TextEdit now{text, static_cast<int>(text.size()), 0, 0}, back;
  REQUIRE(h.undo(now, &back));
  CHECK(back.text == "ab cd");  // the paste, at once
  REQUIRE(h.undo(back, &back));
  CHECK(back.text == "ab ");    // the word "cd"
  REQUIRE(h.undo(back, &back));
  CHECK(back.text == "");       // "ab " (the space joins the word before it)
  CHECK_FALSE(h.undo(back, &back));
  REQUIRE(h.redo(back, &back));
  CHECK(back.text == "ab ");
  REQUIRE(h.redo(back, &back));
  CHECK(back.text == "ab cd");
}
