// The heap view model (pylife/heap_view.h) the Heap panel draws and
// `pylife heap` prints: every name, a dict's keys, an instance's attribute
// names, a list's indices, a set's members; Learner keeps what the names
// reach.
#include <catch2/catch.hpp>

#include "pylife/heap_view.h"
#include "pylife/source.h"
#include "pylife/trace.h"

namespace {

using pylife::trace::HeapView;

// The heap view at the last line step of [text].
HeapView view_at_end(const std::string& text, bool internals = false, int line = 0) {
  auto decoded = pylife::source::decode(text, "<heap>");
  REQUIRE(decoded.ok);
  decoded.source.filename = "<heap>";
  pylife::trace::Session session(decoded.source, {});
  const auto& events = session.line_events();
  REQUIRE(!events.empty());
  size_t at = events.size() - 1;
  if (line) {
    at = 0;
    while (at < events.size() && events[at].line != line) ++at;
    REQUIRE(at < events.size());
  }
  auto p = session.seek(events[at].step);
  return pylife::trace::heap_view(p.frames, p.heap, internals);
}

const HeapView::Slot* name(const HeapView& v, const std::string& n) {
  for (const auto& f : v.frames) {
    for (const auto& s : f.names) {
      if (s.label == n) return &s;
    }
  }
  return nullptr;
}

std::string rows(const HeapView& v, const std::string& variable) {
  const HeapView::Slot* s = name(v, variable);
  REQUIRE(s);
  REQUIRE(s->target);
  const HeapView::Box* b = v.box(s->target);
  REQUIRE(b);
  std::string out = b->value.type + ":";
  for (const auto& r : b->rows) {
    out += " " + r.label + "=" + (r.target ? (v.box(r.target) ? v.box(r.target)->value.type : "?") : r.text);
  }
  return out;
}

}  // namespace

TEST_CASE("heap view: dict keys, attribute names, indices and members with their values", "[heap]") {
  HeapView v = view_at_end(
      "scores = {'ada': 0.5, 'bob': 2.25, 3: None}\n"
      "class Point:\n"
      "    '''A point.'''\n"
      "    kind = 'plane'\n"
      "    def __init__(self, x, y):\n"
      "        self.x = x\n"
      "        self.y = y\n"
      "        self.tag = 'origin'\n"
      "p = Point(3, 4)\n"
      "items = [p, scores, (1, 2)]\n"
      "items.append(items)\n"
      "tags = {'red'}\n"
      "done = True\n");
  CHECK(rows(v, "scores") == "dict: 'ada'=0.5 'bob'=2.25 3=None");
  CHECK(rows(v, "p") == "Point: x=3 y=4 tag='origin'");
  CHECK(rows(v, "items") == "list: 0=Point 1=dict 2=tuple 3=list");
  CHECK(rows(v, "tags") == "set: ='red'");
  const HeapView::Slot* done = name(v, "done");
  REQUIRE(done);
  CHECK(done->target == 0);
  CHECK(done->text == "True");
  const HeapView::Box* items = v.box(name(v, "items")->target);
  CHECK(items->in_cycle);
  // The class is a box of its own, named, with its own members (not
  // __module__, __qualname__...).
  const HeapView::Box* point = v.box(name(v, "Point")->target);
  CHECK(point->value.repr == "<class 'Point'>");
  CHECK(point->title == "class Point");
  CHECK(rows(v, "Point") == "type: kind='plane' __init__=function");
  // Every box the rows point at is in the view.
  for (const auto& b : v.boxes) {
    for (const auto& r : b.rows) CHECK((r.target == 0 || v.box(r.target) != nullptr));
  }
}

TEST_CASE("heap view: a function's defaults and the variables it closes over", "[heap]") {
  HeapView v = view_at_end(
      "def make(step=2):\n"
      "    total = [0]\n"
      "    def add(n=1):\n"
      "        total[0] += n * step\n"
      "    return add\n"
      "adder = make()\n"
      "adder()\n");
  CHECK(rows(v, "adder") == "function: default n=1 step=2 total=list");
  CHECK(v.box(name(v, "adder")->target)->title == "function add");
  CHECK(rows(v, "make") == "function: default step=2");
}

TEST_CASE("heap view: Learner keeps what names reach; Internals adds the VM's own", "[heap]") {
  const std::string program = "for word in ['a', 'b']:\n    n = [x for x in range(3)]\n";
  // On line 2, inside the comprehension's frame: the list's iterator is on
  // the module's operand stack only, `.0` is the comprehension's argument.
  HeapView learner = view_at_end(program, false, 2);
  HeapView internals = view_at_end(program, true, 2);
  CHECK(learner.boxes.size() < internals.boxes.size());
  for (const auto& b : learner.boxes) CHECK(b.value.type != "list_iterator");
  bool has_iterator = false;
  for (const auto& b : internals.boxes) has_iterator = has_iterator || b.value.type.find("iterator") != std::string::npos;
  CHECK(has_iterator);
  // Frames newest first (as the VM panel), each with its depth.
  HeapView inside = view_at_end("def f(n):\n    return n\nf(1)\n", false, 2);
  REQUIRE(inside.frames.size() == 2);
  CHECK(inside.frames.front().code == "f");
  CHECK(inside.frames.front().depth == 2);
  CHECK(inside.frames.back().code == "<module>");
  CHECK(inside.frames.back().depth == 1);
}

TEST_CASE("heap view: as text and as JSON, boxes numbered in order", "[heap]") {
  HeapView v = view_at_end("d = {'k': [1]}\n");
  CHECK(pylife::trace::format_heap_view(v) ==
        "frames (the running one first):\n"
        "  <module>  line 1\n"
        "    d -> #1\n"
        "objects:\n"
        "  #1 dict  refcount 1\n"
        "    'k' -> #2\n"
        "  #2 list  refcount 1\n"
        "    0: 1\n");
  CHECK(pylife::trace::heap_view_json(v) ==
        "{\"frames\":[{\"code\":\"<module>\",\"line\":1,\"depth\":1,\"names\":[{\"name\":\"d\",\"ref\":1}]}],"
        "\"objects\":[{\"id\":1,\"type\":\"dict\",\"title\":\"dict\",\"repr\":\"dict[1]\",\"refcount\":1,\"immortal\":false,\"in_cycle\":false,"
        "\"rows\":[{\"label\":\"'k'\",\"ref\":2}],\"more\":0,\"refers_to\":[]},"
        "{\"id\":2,\"type\":\"list\",\"title\":\"list\",\"repr\":\"list[1]\",\"refcount\":1,\"immortal\":false,\"in_cycle\":false,"
        "\"rows\":[{\"label\":\"0\",\"value\":\"1\"}],\"more\":0,\"refers_to\":[]}]}");
}

TEST_CASE("heap view: a long container lists its first fields and how many more", "[heap]") {
  HeapView v = view_at_end("big = list(range(200))\nend = 1\n");
  const HeapView::Box* b = v.box(name(v, "big")->target);
  REQUIRE(b);
  CHECK(b->rows.size() == pylife::events::HeapObject::kMaxFields);
  CHECK(b->more == 200 - pylife::events::HeapObject::kMaxFields);
}

TEST_CASE("heap view: a bound method, an exception's args, a suspended generator, a class's bases", "[heap]") {
  HeapView v = view_at_end(
      "def countdown(n):\n"
      "    while n > 0:\n"
      "        yield n\n"
      "        n -= 1\n"
      "class Bad(ValueError):\n"
      "    pass\n"
      "class P:\n"
      "    def m(self):\n"
      "        return 1\n"
      "g = countdown(3)\n"
      "first = next(g)\n"
      "try:\n"
      "    raise Bad('no', 2)\n"
      "except Bad as e:\n"
      "    err = e\n"
      "p = P()\n"
      "bm = p.m\n"
      "done = True\n");
  CHECK(rows(v, "bm") == "method: __func__=function __self__=P");
  CHECK(rows(v, "err") == "Bad: args=tuple");
  CHECK(rows(v, "g") == "generator: =suspended at line 3 n=3");
  CHECK(rows(v, "Bad") == "type: bases=ValueError");
  // The generator's code and globals are the VM's: not in the Learner view.
  for (const auto& b : v.boxes) CHECK(b.value.type != "code");
  HeapView before = view_at_end("def gen():\n    yield 1\ng = gen()\nx = 1\n");
  CHECK(rows(before, "g") == "generator: =not started");
}

TEST_CASE("heap view: an empty container as Python writes it; a built-in type's VM reference not counted", "[heap]") {
  HeapView v = view_at_end("a = []\nb = {}\nt = int\nx = 1\n");
  CHECK(v.box(name(v, "a")->target)->value.repr == "[]");
  CHECK(v.box(name(v, "b")->target)->value.repr == "{}");
  const HeapView::Box* t = v.box(name(v, "t")->target);
  REQUIRE(t);
  CHECK(t->value.immortal);
  CHECK(t->value.refcount < 1000);
  CHECK(pylife::trace::format_heap_view(v).find("never freed") != std::string::npos);
}

TEST_CASE("heap view: values as objects show identity; None and bools stay inline", "[heap]") {
  auto decoded = pylife::source::decode("a = 256\nb = a\nc = 'hi'\nd = [a, 7, 7]\ne = None\nf = True\nx = 0\n", "<heap>");
  REQUIRE(decoded.ok);
  pylife::trace::Session session(decoded.source, {});
  auto p = session.seek(session.line_events().back().step);
  HeapView inline_view = pylife::trace::heap_view(p.frames, p.heap, false);
  HeapView v = pylife::trace::heap_view(p.frames, p.heap, false, true);
  CHECK(!name(inline_view, "a")->target);
  CHECK(name(inline_view, "a")->text == "256");
  REQUIRE(name(v, "a")->target);
  CHECK(name(v, "a")->target == name(v, "b")->target);  // one object, two names
  CHECK(v.box(name(v, "a")->target)->value.repr == "256");
  CHECK(v.box(name(v, "c")->target)->value.type == "str");
  CHECK(!name(v, "e")->target);
  CHECK(!name(v, "f")->target);
  const HeapView::Box* d = v.box(name(v, "d")->target);
  REQUIRE(d);
  REQUIRE(d->rows.size() == 3);
  CHECK(d->rows[0].target == name(v, "a")->target);
  CHECK(d->rows[1].target == d->rows[2].target);  // the small int 7, cached
}

TEST_CASE("heap view: Find by name, type, label, value or #number; the summary by type", "[heap]") {
  auto decoded = pylife::source::decode(
      "class Point:\n    def __init__(self, x):\n        self.x = x\n"
      "p = Point(3)\nq = Point(4)\nscores = {'ada': 0.5}\nx = 1\n", "<heap>");
  REQUIRE(decoded.ok);
  pylife::trace::Session session(decoded.source, {});
  auto p = session.seek(session.line_events().back().step);
  HeapView v = pylife::trace::heap_view(p.frames, p.heap, false);
  using pylife::trace::find_boxes;
  CHECK(find_boxes(v, "scores") == std::vector<uint64_t>{name(v, "scores")->target});  // a frame's name
  CHECK(find_boxes(v, "ADA") == std::vector<uint64_t>{name(v, "scores")->target});     // a key, any case
  CHECK(find_boxes(v, "point").size() == 3);  // the class and its two instances
  CHECK(find_boxes(v, "#1") == std::vector<uint64_t>{v.boxes[0].value.id});
  CHECK(find_boxes(v, "").empty());
  CHECK(find_boxes(v, "nothing like it").empty());
  auto summary = pylife::trace::heap_summary(p.heap);
  REQUIRE(!summary.empty());
  size_t points = 0, total = 0;
  for (const auto& [type, n] : summary) {
    total += n;
    if (type == "Point") points = n;
  }
  CHECK(points == 2);
  CHECK(total == p.heap.size());
  for (size_t i = 1; i < summary.size(); ++i) CHECK(summary[i - 1].second >= summary[i].second);
}

TEST_CASE("sys.getrefcount of a built-in type leaves out the VM's permanent reference, as CPython 3.11's static types", "[heap]") {
  auto decoded = pylife::source::decode("import sys\nprint(1 < sys.getrefcount(int) < 100000)\n", "<heap>");
  REQUIRE(decoded.ok);
  pylife::trace::Session session(decoded.source, {});
  CHECK(session.output() == "True\n");
}
