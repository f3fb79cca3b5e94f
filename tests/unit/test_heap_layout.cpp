// The heap's layout (pylife/heap_layout.h), checked over every line step
// of the lesson programs and of pictures a teacher draws (a dict, a class
// with instances, a linked list, a recursion, a 500-item list, a cycle):
// no two rectangles overlap, every row inside its box, every arrow
// axis-aligned from its source's right edge to its target's head without
// entering any rectangle, and surviving objects stable from step to step.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "golden.h"
#include "pylife/heap_layout.h"
#include "pylife/source.h"
#include "pylife/trace.h"

namespace {

using pylife::trace::HeapLayout;
using pylife::trace::HeapView;
constexpr float kEps = 1e-3f;

bool overlap(const HeapLayout::Rect& a, const HeapLayout::Rect& b) {
  return a.x < b.right() - kEps && b.x < a.right() - kEps && a.y < b.bottom() - kEps && b.y < a.bottom() - kEps;
}

// Whether the axis-aligned segment p-q passes through [r]'s inside.
bool enters(const HeapLayout::Point& p, const HeapLayout::Point& q, const HeapLayout::Rect& r) {
  const float x0 = std::min(p.x, q.x), x1 = std::max(p.x, q.x), y0 = std::min(p.y, q.y), y1 = std::max(p.y, q.y);
  return x1 > r.x + kEps && x0 < r.right() - kEps && y1 > r.y + kEps && y0 < r.bottom() - kEps;
}

// What is wrong with [l] as a layout of [view] (empty: nothing).
std::string problems(const HeapView& view, const HeapLayout& l) {
  std::string out;
  auto fail = [&](const std::string& what) {
    if (out.size() < 2000) out += what + "\n";
  };
  if (l.frames.size() != view.frames.size() || l.boxes.size() != view.boxes.size()) return "a frame or box missing";
  std::vector<HeapLayout::Rect> all(l.frames.begin(), l.frames.end());
  for (const auto& b : l.boxes) all.push_back(b.rect);
  for (size_t i = 0; i < all.size(); ++i) {
    for (size_t k = i + 1; k < all.size(); ++k) {
      if (overlap(all[i], all[k])) fail("rectangles " + std::to_string(i) + " and " + std::to_string(k) + " overlap");
    }
  }
  for (size_t i = 0; i < l.boxes.size(); ++i) {
    const auto& b = l.boxes[i];
    if (b.id != view.boxes[i].value.id) fail("box " + std::to_string(i) + " out of order");
    if (b.rows_shown + b.folded != view.boxes[i].rows.size() + view.boxes[i].more) fail("rows lost");
    const size_t lines = b.rows_shown == 0 && b.folded ? 1 : std::max<size_t>(b.rows_shown, 1) + (b.folded ? 1 : 0);
    for (size_t r = 0; r < lines; ++r) {
      const float y = l.box_row_y(b, static_cast<int>(r));
      if (y - 0.5f < l.box_row_y(b, -1) + 0.5f - kEps || y + 0.5f > b.rect.bottom() + kEps) fail("a row outside its box");
    }
    if (b.label_w >= b.rect.w) fail("labels as wide as the box");
  }
  for (size_t f = 0; f < l.frames.size(); ++f) {
    for (size_t r = 0; r < view.frames[f].names.size(); ++r) {
      if (l.frame_row_y(f, static_cast<int>(r)) + 0.5f > l.frames[f].bottom() + kEps) fail("a name outside its frame");
    }
  }
  for (const auto& e : l.edges) {
    const HeapLayout::Box* target = l.box(e.to);
    if (e.route.size() < 2 || !target || (e.frame < 0 && !l.box(e.box))) {
      fail("an arrow without ends");
      continue;
    }
    const HeapLayout::Rect& source = e.frame >= 0 ? l.frames[static_cast<size_t>(e.frame)] : l.box(e.box)->rect;
    const auto &a = e.route.front(), &z = e.route.back();
    if (std::abs(a.x - source.right()) > kEps || a.y <= source.y || a.y >= source.bottom()) fail("an arrow not from its source's right edge");
    const auto& y = e.route[e.route.size() - 2];
    const bool into_side = std::abs(z.x - (e.from_right ? target->rect.right() : target->rect.x)) <= kEps &&
                           z.y > target->rect.y && z.y < target->rect.y + 1.3f;
    const bool into_top = std::abs(z.y - target->rect.y) <= kEps && y.x == z.x && y.y < z.y && z.x > target->rect.x &&
                          z.x < target->rect.right();
    if (!into_side && !into_top) fail("an arrow not into its target's head");
    for (size_t k = 0; k + 1 < e.route.size(); ++k) {
      const auto &p = e.route[k], &q = e.route[k + 1];
      if (p.x != q.x && p.y != q.y) fail("a slanted segment");
      for (size_t r = 0; r < all.size(); ++r) {
        if (enters(p, q, all[r])) fail("an arrow passes through rectangle " + std::to_string(r));
      }
    }
  }
  // No arrow seems to continue another: in a gutter, the level runs out
  // of a source and into a target of arrows to different objects are
  // 0.45 lines apart or more.
  // (Arrows out of one row, a folded box's "... N more", fan out from
  // one point: their runs out are one.)
  struct Run {
    float y;
    uint64_t to;
    int gutter;
    float from_x = -1;
  };
  std::vector<Run> runs;
  auto gutter_at = [&](float x) {
    int g = 0;
    while (g + 1 < static_cast<int>(l.column_x.size()) && x > l.column_x[static_cast<size_t>(g + 1)]) ++g;
    return g;
  };
  for (const auto& e : l.edges) {
    if (e.route.size() < 2) continue;
    runs.push_back({e.route[0].y, e.to, gutter_at(e.route[0].x), e.route[0].x});
    const size_t k = e.route.size() - 1;
    const auto &p = e.route[k - 1], &q = e.route[k];
    // Into a side: the last segment; into the top: the one before it.
    if (p.y == q.y) runs.push_back({q.y, e.to, gutter_at(std::min(p.x, q.x))});
    else if (k >= 2 && e.route[k - 2].y == p.y) runs.push_back({p.y, e.to, gutter_at(std::min(e.route[k - 2].x, p.x))});
  }
  for (size_t i = 0; i < runs.size(); ++i) {
    for (size_t k = i + 1; k < runs.size(); ++k) {
      const bool one_origin = runs[i].from_x >= 0 && runs[i].from_x == runs[k].from_x && runs[i].y == runs[k].y;
      if (runs[i].to != runs[k].to && !one_origin && runs[i].gutter == runs[k].gutter && std::abs(runs[i].y - runs[k].y) < 0.45f - kEps) {
        fail("arrows to different objects run level in gutter " + std::to_string(runs[i].gutter));
      }
    }
  }
  return out;
}

// Surviving objects keep their column and never move up or left; with no
// box resized and no column widened, they do not move at all.
std::string unstable(const HeapLayout& before, const HeapLayout& after) {
  std::string out;
  bool resized = before.column_w != after.column_w || before.gutter_w != after.gutter_w;
  for (const auto& b : after.boxes) {
    const HeapLayout::Box* old = before.box(b.id);
    if (old && (old->rect.w != b.rect.w || old->rect.h != b.rect.h)) resized = true;
  }
  for (const auto& b : after.boxes) {
    const HeapLayout::Box* old = before.box(b.id);
    if (!old) continue;
    if (b.column != old->column) out += "a box changed column\n";
    if (b.rect.x < old->rect.x - kEps || b.rect.y < old->rect.y - kEps) out += "a box moved up or left\n";
    if (!resized && (b.rect.x != old->rect.x || b.rect.y != old->rect.y)) out += "a box moved with nothing resized\n";
  }
  return out;
}

// Every line step of [text] (the first [max_steps]), each laid out from
// the one before; returns the last layout.
HeapLayout walk(const std::string& text, const std::string& where, bool internals = false, HeapView* last = nullptr,
                size_t max_steps = 200) {
  auto decoded = pylife::source::decode(text, "<layout>");
  REQUIRE(decoded.ok);
  decoded.source.filename = "<layout>";
  pylife::trace::Session session(decoded.source, {});
  const auto& events = session.line_events();
  HeapLayout previous;
  for (size_t k = 0; k < events.size() && k < max_steps; ++k) {
    auto p = session.seek(events[k].step);
    HeapView view = pylife::trace::heap_view(p.frames, p.heap, internals);
    HeapLayout l = pylife::trace::layout_heap(view, k ? &previous : nullptr);
    const std::string at = where + " step " + std::to_string(k + 1);
    INFO(at);
    const std::string wrong = problems(view, l);
    INFO(wrong);
    CHECK(wrong.empty());
    if (k) CHECK(unstable(previous, l).empty());
    previous = std::move(l);
    if (last) *last = std::move(view);
  }
  return previous;
}

}  // namespace

TEST_CASE("heap layout: the lesson programs, every line step (Learner; Internals for three)", "[heap][layout]") {
  namespace stdfs = std::filesystem;
  size_t programs = 0;
  for (const auto& entry : stdfs::directory_iterator(pylife::test::source_dir() + "/public/examples")) {
    if (entry.path().extension() != ".py") continue;
    const std::string name = entry.path().filename().string();
    const std::string text = pylife::test::read_repo_file("public/examples/" + name);
    walk(text, name);
    ++programs;
  }
  CHECK(programs >= 18);
  // Internals: every object the VM holds (hundreds), three programs.
  for (const char* name : {"06_dicts.py", "09_reference_cycle.py", "12_classes.py"}) {
    walk(pylife::test::read_repo_file(std::string("public/examples/") + name), std::string(name) + " (internals)", true);
  }
}

TEST_CASE("heap layout: a teacher's pictures", "[heap][layout]") {
  HeapView view;
  SECTION("a dict: one box, beside the frame, reached by one arrow") {
    HeapLayout l = walk("scores = {'ada': 0.5, 'bob': 2.25}\nn = len(scores)\n", "dict", false, &view);
    REQUIRE(l.boxes.size() == 1);
    CHECK(l.boxes[0].column == 1);
    CHECK(l.boxes[0].rows_shown == 2);
    REQUIRE(l.edges.size() == 1);
    CHECK(l.edges[0].route.size() <= 4);
  }
  SECTION("a class with instances: instances in the column after the names, the class's methods after it") {
    HeapLayout l = walk(
        "class Point:\n"
        "    def __init__(self, x, y):\n"
        "        self.x = x\n"
        "        self.y = y\n"
        "    def norm(self):\n"
        "        return self.x * self.x + self.y * self.y\n"
        "a = Point(1, 2)\n"
        "b = Point(3, 4)\n"
        "c = a\n"
        "d = a.norm() + b.norm()\n",
        "class", false, &view);
    CHECK(l.boxes.size() >= 5);  // the class, two functions, two instances
  }
  SECTION("a linked list: one column per node, each arrow to the next column") {
    HeapLayout l = walk(
        "class Node:\n"
        "    def __init__(self, value, next=None):\n"
        "        self.value = value\n"
        "        self.next = next\n"
        "head = None\n"
        "for v in range(6):\n"
        "    head = Node(v, head)\n"
        "done = True\n",
        "linked list", false, &view);
    int deepest = 0;
    for (const auto& b : l.boxes) deepest = std::max(deepest, b.column);
    CHECK(deepest >= 6);
  }
  SECTION("a recursion: one frame each, all in column 0") {
    HeapLayout l = walk(
        "def fact(n):\n"
        "    if n <= 1:\n"
        "        return 1\n"
        "    return n * fact(n - 1)\n"
        "print(fact(6))\n",
        "recursion");
    (void)l;
  }
  SECTION("a 500-item list folds to its first rows and how many more") {
    HeapLayout l = walk("items = list(range(500))\nn = len(items)\n", "500 items", false, &view);
    REQUIRE(l.boxes.size() == 1);
    CHECK(l.boxes[0].rows_shown == 8);
    CHECK(l.boxes[0].folded == 492);
    CHECK(l.boxes[0].rect.h < 12);
  }
  SECTION("a cycle and a self-reference go round by the corridor, through no box") {
    HeapLayout l = walk(
        "a = []\n"
        "a.append(a)\n"
        "b = {'self': None}\n"
        "c = [b]\n"
        "b['self'] = c\n"
        "done = True\n",
        "cycle");
    // a -> a: out of its right edge and back into its head from the right.
    bool self = false;
    for (const auto& e : l.edges) self = self || (e.box == e.to && e.from_right && e.route.size() == 4);
    CHECK(self);
  }
}

TEST_CASE("heap layout: a new object moves no other; text cut to fit", "[heap][layout]") {
  // Step by step, lists appear one after another and none moves.
  walk("a = [1]\nb = [2]\nc = [3]\ndel b\nd = [4]\ne = [5, 6]\n", "appearing");
  CHECK(pylife::trace::fit_text("hello", 5) == "hello");
  CHECK(pylife::trace::fit_text("hello world", 6) == "hello…");
  CHECK(pylife::trace::fit_text("漢字漢字", 5) == "漢字…");
}

TEST_CASE("heap layout: a box unfolded to every row, or folded to its head", "[heap][layout]") {
  auto decoded = pylife::source::decode("items = list(range(30))\nd = {'a': items, 'b': 2, 'c': 3}\nx = 1\n", "<layout>");
  REQUIRE(decoded.ok);
  pylife::trace::Session session(decoded.source, {});
  auto p = session.seek(session.line_events().back().step);
  HeapView view = pylife::trace::heap_view(p.frames, p.heap, false);
  REQUIRE(view.boxes.size() == 2);
  const uint64_t list = view.boxes[0].value.type == "list" ? view.boxes[0].value.id : view.boxes[1].value.id;
  const uint64_t dict = view.boxes[0].value.type == "dict" ? view.boxes[0].value.id : view.boxes[1].value.id;
  pylife::trace::LayoutOptions o;
  HeapLayout plain = pylife::trace::layout_heap(view, nullptr, o);
  CHECK(plain.box(list)->rows_shown == 8);
  CHECK(plain.box(list)->folded == 22);
  o.expanded.insert(list);
  o.collapsed.insert(dict);
  HeapLayout l = pylife::trace::layout_heap(view, nullptr, o);
  CHECK(l.box(list)->rows_shown == 30);
  CHECK(l.box(list)->folded == 0);
  CHECK(l.box(dict)->rows_shown == 0);
  CHECK(l.box(dict)->folded == 3);
  CHECK(l.box(dict)->rect.h < plain.box(dict)->rect.h);
  CHECK(problems(view, l).empty());  // the dict's arrow leaves from its "... 3 more" line
}
