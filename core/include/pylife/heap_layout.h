// Where the heap is drawn: the rectangles of the frames and boxes of a
// trace::HeapView and the routes of its arrows, in character cells (x in
// columns of the monospaced font, y in text lines), so that the Heap panel
// (which multiplies by its cell size) and `pylife heap --layout` agree.
//
// The picture Python Tutor draws: the frames in column 0, each object in
// the column one past the first thing that reaches it, boxes stacked in
// their column.  Guarantees, checked by tests:
// - no two rectangles overlap, and every row lies inside its box;
// - an arrow is axis-aligned segments that never enter a rectangle: out of
//   its source's right edge into the gutter after its column, along the
//   gutter (to the next column, or back into its own column's box from the
//   right), or up to a corridor above every box and along it to the
//   gutter beside the target's column, into the target's head (or down
//   into its top, where an arrow out to another object runs level with
//   its head in that gutter: two level runs of different arrows in one
//   gutter are 0.45 lines apart or more, so none seems to continue
//   another);
// - given the layout drawn before (the step just seen), a surviving object
//   keeps its column and never moves up or left; it moves down or right
//   only when something above it or a column before it grew; a new object
//   takes a free place and moves no other.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "pylife/heap_view.h"

namespace pylife::trace {

struct HeapLayout {
  struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
  };
  struct Point {
    float x = 0, y = 0;
  };
  struct Box {
    uint64_t id = 0;
    Rect rect;
    int column = 1;          // 1, 2...: column 0 holds the frames
    size_t rows_shown = 0;   // the first rows drawn...
    size_t folded = 0;       // ...and how many are left to "... N more"
    float label_w = 0;       // the label column's width (0: no labels)
  };
  struct Edge {
    uint64_t to = 0;
    int frame = -1;         // from view.frames[frame]'s name [row]...
    uint64_t box = 0;       // ...or from a box's row [row] (-1: its head)
    int row = -1;
    // First on the source's right edge, last on the target's head: its
    // left edge, or its right edge when [from_right] (the target is in
    // the source's column or before it); or on its top edge, a cell in
    // from that side, the last segment going down.
    std::vector<Point> route;
    bool from_right = false;
  };
  std::vector<Rect> frames;  // view.frames, in order
  std::vector<Box> boxes;    // view.boxes, in order
  std::vector<Edge> edges;
  std::vector<float> column_x, column_w, gutter_w;  // gutter i: between columns i and i+1
  float frame_label_w = 0;  // the frames' name column
  float width = 0, height = 0;

  const Box* box(uint64_t id) const;
  // Where a row's value starts (a box's label column, then two cells).
  float value_x(const Box& b) const { return b.rect.x + 1 + (b.label_w > 0 ? b.label_w + 2 : 0); }
  float frame_value_x(size_t frame) const { return frames[frame].x + 1 + frame_label_w + 2; }
  // The vertical centre of a frame's name or a box's row (-1: the head).
  float frame_row_y(size_t frame, int row) const;
  float box_row_y(const Box& b, int row) const;
};

struct LayoutOptions {
  size_t rows_shown = 8;   // a box longer than this folds to its first rows and "... N more"
  // Objects (by id) unfolded to every row the view has, and folded to
  // their head and "... N more" (the learner's clicks).
  std::set<uint64_t> expanded, collapsed;
  float min_box_w = 12;    // cells
  float max_box_w = 36;
  float max_frame_w = 40;
};

// Lays [view] out; with [previous] (the layout drawn for the step before),
// surviving objects keep their places.
HeapLayout layout_heap(const HeapView& view, const HeapLayout* previous = nullptr, const LayoutOptions& options = {});

// [text] cut to [cells] columns, ending in "…" when cut.
std::string fit_text(const std::string& text, size_t cells);

// As text (`pylife heap --layout`): each frame's and box's rectangle, each
// arrow's route, boxes numbered as format_heap_view numbers them.
std::string format_heap_layout(const HeapView& view, const HeapLayout& layout);
// As JSON: {"frames":[rect...],"objects":[{"id":N,"column":C,"rect":...}],"edges":[...]}.
std::string heap_layout_json(const HeapView& view, const HeapLayout& layout);

}  // namespace pylife::trace
