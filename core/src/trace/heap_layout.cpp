// The heap's layout (pylife/heap_layout.h).
#include "pylife/heap_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <map>
#include <unordered_map>

#include "pylife/unicode.h"

namespace pylife::trace {

namespace {

// Geometry, in cells (x) and lines (y).
constexpr float kTop = 1.8f;          // the corridor band above everything
constexpr float kCorridorLane0 = 0.3f, kCorridorLaneStep = 0.3f;
constexpr int kCorridorLanes = 5;
constexpr float kGapY = 1.0f;         // between boxes in a column, and frames
constexpr float kGutter = 4.0f;       // the least gutter between columns
constexpr float kLaneStep = 0.6f;     // between arrows side by side in a gutter
constexpr int kGutterLanes = 8;
constexpr float kBoxRows = 1.3f;      // a box's first row, below its head
constexpr float kBoxPad = 0.3f;
constexpr float kLabelShare = 0.45f;  // of the widest box, at most, for labels

float cells(const std::string& text) { return static_cast<float>(unicode::display_width(text)); }

std::string badge_text(const HeapView::Box& b) {
  return "rc " + std::to_string(b.value.refcount) + (b.value.immortal ? "+" : "");
}

struct Sizing {
  float w = 0, h = 0, label_w = 0;
  size_t shown = 0, folded = 0;
};

Sizing size_box(const HeapView::Box& b, const LayoutOptions& o) {
  Sizing s;
  s.shown = o.collapsed.count(b.value.id) ? 0
            : o.expanded.count(b.value.id) ? b.rows.size()
                                           : std::min(b.rows.size(), o.rows_shown);
  s.folded = b.rows.size() - s.shown + b.more;
  float labels = 0, values = 0;
  for (size_t i = 0; i < s.shown; ++i) {
    labels = std::max(labels, cells(b.rows[i].label));
    values = std::max(values, b.rows[i].target ? 4.0f : cells(b.rows[i].text));
  }
  s.label_w = std::min(labels, o.max_box_w * kLabelShare);
  float content = 1 + (s.label_w > 0 ? s.label_w + 2 : 0) + values + 1;
  if (b.rows.empty()) content = 2 + cells(b.value.repr);
  if (s.folded) content = std::max(content, 2 + cells("... " + std::to_string(s.folded) + " more"));
  // (Room for "#N " before the title when references are numbers.)
  const float head = 1 + 4 + cells(b.title) + 2 + cells(badge_text(b)) + 2;
  s.w = std::clamp(std::max(head, content), o.min_box_w, o.max_box_w);
  // (Folded to its head: the "... N more" line alone.)
  const float lines = s.shown == 0 && s.folded ? 1.0f : static_cast<float>(std::max<size_t>(s.shown, 1) + (s.folded ? 1 : 0));
  s.h = kBoxRows + lines + kBoxPad;
  return s;
}

}  // namespace

const HeapLayout::Box* HeapLayout::box(uint64_t id) const {
  for (const Box& b : boxes) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

float HeapLayout::frame_row_y(size_t frame, int row) const {
  return row < 0 ? frames[frame].y + 0.5f : frames[frame].y + 1.5f + static_cast<float>(row);
}

float HeapLayout::box_row_y(const Box& b, int row) const {
  return row < 0 ? b.rect.y + 0.65f : b.rect.y + kBoxRows + 0.5f + static_cast<float>(row);
}

std::string fit_text(const std::string& text, size_t cells_wide) {
  if (unicode::display_width(text) <= cells_wide) return text;
  std::u32string out;
  size_t used = 0;
  for (char32_t c : unicode::decode_utf8(text)) {
    size_t w = c == '\t' ? 4 : unicode::is_wide(c) ? 2 : 1;
    if (used + w + 1 > cells_wide) break;
    out += c;
    used += w;
  }
  return unicode::encode_utf8(out) + (cells_wide ? "…" : "");
}

HeapLayout layout_heap(const HeapView& view, const HeapLayout* previous, const LayoutOptions& o) {
  HeapLayout out;
  std::unordered_map<uint64_t, size_t> index;  // box id -> view.boxes position
  for (size_t i = 0; i < view.boxes.size(); ++i) index[view.boxes[i].value.id] = i;
  std::unordered_map<uint64_t, const HeapLayout::Box*> before;
  if (previous) {
    for (const auto& b : previous->boxes) before[b.id] = &b;
  }
  // Columns: a survivor keeps its own; a new object goes one past the
  // first thing that reaches it (breadth first from the frames).
  std::vector<int> column(view.boxes.size(), 0);
  for (size_t i = 0; i < view.boxes.size(); ++i) {
    if (auto it = before.find(view.boxes[i].value.id); it != before.end()) column[i] = it->second->column;
  }
  std::vector<Sizing> sizes;
  sizes.reserve(view.boxes.size());
  for (const auto& b : view.boxes) sizes.push_back(size_box(b, o));
  // What first reaches each box: a frame's name or a box's row (-1: its
  // head); a new box goes level with it where there is room.
  struct Via {
    int frame = -1, box = -1, row = -1;
  };
  std::vector<Via> via(view.boxes.size());
  std::deque<size_t> queue;
  std::vector<bool> visited(view.boxes.size(), false);
  auto reach = [&](uint64_t id, int from_column, Via from) {
    auto it = index.find(id);
    if (it == index.end() || visited[it->second]) return;
    visited[it->second] = true;
    if (!column[it->second]) column[it->second] = from_column + 1;
    via[it->second] = from;
    queue.push_back(it->second);
  };
  for (size_t f = 0; f < view.frames.size(); ++f) {
    const auto& names = view.frames[f].names;
    for (size_t r = 0; r < names.size(); ++r) {
      if (names[r].target) reach(names[r].target, 0, {static_cast<int>(f), -1, static_cast<int>(r)});
    }
  }
  while (!queue.empty()) {
    size_t i = queue.front();
    queue.pop_front();
    const auto& b = view.boxes[i];
    for (size_t r = 0; r < b.rows.size(); ++r) {
      if (b.rows[r].target) reach(b.rows[r].target, column[i], {-1, static_cast<int>(i), static_cast<int>(std::min(r, sizes[i].shown))});
    }
    for (uint64_t r : b.other_refs) reach(r, column[i], {-1, static_cast<int>(i), -1});
  }
  int columns = 1;
  for (int& c : column) {
    if (!c) c = 1;  // reached by no name (the Internals view's own)
    columns = std::max(columns, c + 1);
  }
  if (previous) columns = std::max(columns, static_cast<int>(previous->column_w.size()));
  // A column as wide as its widest box (and as it was).
  out.column_w.assign(static_cast<size_t>(columns), 0.0f);
  out.gutter_w.assign(static_cast<size_t>(columns), kGutter);
  if (previous) {
    for (size_t c = 0; c < previous->column_w.size() && c < out.column_w.size(); ++c) {
      out.column_w[c] = previous->column_w[c];
      out.gutter_w[c] = std::max(out.gutter_w[c], previous->gutter_w[c]);
    }
  }
  // The frames' column: names, then their values, as wide as the widest
  // of every frame (and as it was).
  float labels = 0, values = 0, titles = 0;
  for (const auto& f : view.frames) {
    titles = std::max(titles, 1 + cells(frame_title(f)) + 1);
    for (const auto& n : f.names) {
      labels = std::max(labels, cells(n.label));
      values = std::max(values, n.target ? 4.0f : cells(n.text));
    }
  }
  out.frame_label_w = std::max(previous ? previous->frame_label_w : 0.0f, std::min(labels, o.max_frame_w * kLabelShare));
  out.column_w[0] = std::max(out.column_w[0], std::clamp(std::max(titles, 1 + out.frame_label_w + 2 + values + 1), 16.0f, o.max_frame_w));
  out.column_w[0] = std::max(out.column_w[0], 16.0f);
  for (size_t i = 0; i < sizes.size(); ++i) {
    auto c = static_cast<size_t>(column[i]);
    out.column_w[c] = std::max(out.column_w[c], sizes[i].w);
  }
  // Arrows' lanes: one per target in each gutter and in the corridor (the
  // arrows into one object share theirs and meet at its head).
  struct Pending {
    HeapLayout::Edge edge;
    int from_column;
  };
  std::vector<Pending> pending;
  for (size_t f = 0; f < view.frames.size(); ++f) {
    const auto& names = view.frames[f].names;
    for (size_t r = 0; r < names.size(); ++r) {
      if (names[r].target && index.count(names[r].target)) {
        pending.push_back({{names[r].target, static_cast<int>(f), 0, static_cast<int>(r), {}}, 0});
      }
    }
  }
  for (size_t i = 0; i < view.boxes.size(); ++i) {
    const auto& b = view.boxes[i];
    std::vector<uint64_t> done;  // a target drawn once from a box
    auto add = [&](uint64_t to, int row) {
      if (!index.count(to) || std::find(done.begin(), done.end(), to) != done.end()) return;
      done.push_back(to);
      pending.push_back({{to, -1, b.value.id, row, {}}, column[i]});
    };
    for (size_t r = 0; r < b.rows.size(); ++r) {
      // A folded row's arrow leaves from the "... N more" line.
      if (b.rows[r].target) add(b.rows[r].target, static_cast<int>(std::min(r, sizes[i].shown)));
    }
    for (uint64_t r : b.other_refs) add(r, -1);
  }
  std::map<std::pair<int, uint64_t>, int> gutter_lane;
  std::vector<int> lanes_in(static_cast<size_t>(columns), 0);
  std::map<uint64_t, int> corridor_lane;
  auto lane = [&](int gutter, uint64_t to) {
    auto [it, fresh] = gutter_lane.try_emplace({gutter, to}, 0);
    if (fresh) it->second = lanes_in[static_cast<size_t>(gutter)]++ % kGutterLanes;
    return it->second;
  };
  // The gutter an arrow comes down to its target by: the one before the
  // target's column (in from the left) when the target lies to the right,
  // else the one after it (in from the right: a self-reference, a cycle).
  auto last_gutter = [&](int from_column, int to_column) { return to_column > from_column ? to_column - 1 : to_column; };
  for (const auto& p : pending) {
    const int to_column = column[index[p.edge.to]];
    lane(p.from_column, p.edge.to);
    const int g = last_gutter(p.from_column, to_column);
    if (g != p.from_column) {
      lane(g, p.edge.to);
      corridor_lane.try_emplace(p.edge.to, static_cast<int>(corridor_lane.size()) % kCorridorLanes);
    }
  }
  for (size_t g = 0; g < lanes_in.size(); ++g) {
    const int n = std::min(lanes_in[g], kGutterLanes);
    out.gutter_w[g] = std::max(out.gutter_w[g], 2.0f + kLaneStep * static_cast<float>(n));
  }
  out.column_x.assign(static_cast<size_t>(columns), 0.0f);
  for (size_t c = 1; c < out.column_x.size(); ++c) out.column_x[c] = out.column_x[c - 1] + out.column_w[c - 1] + out.gutter_w[c - 1];
  // The frames, stacked in column 0.
  float y = kTop;
  for (const auto& f : view.frames) {
    HeapLayout::Rect r{0, y, out.column_w[0], 1.0f + static_cast<float>(std::max<size_t>(f.names.size(), 1)) + 0.2f};
    out.frames.push_back(r);
    y = r.bottom() + kGapY * 0.5f;
  }
  out.height = y;
  // The boxes: survivors where they were (pushed down only by a box above
  // that grew), then each new one in the first free place of its column.
  out.boxes.resize(view.boxes.size());
  for (int c = 1; c < columns; ++c) {
    std::vector<size_t> survivors, fresh;
    for (size_t i = 0; i < view.boxes.size(); ++i) {
      if (column[i] != c) continue;
      (before.count(view.boxes[i].value.id) ? survivors : fresh).push_back(i);
    }
    std::stable_sort(survivors.begin(), survivors.end(), [&](size_t a, size_t b) {
      return before[view.boxes[a].value.id]->rect.y < before[view.boxes[b].value.id]->rect.y;
    });
    std::map<float, float> taken;  // top -> bottom, of the boxes placed
    float cursor = kTop;
    auto place = [&](size_t i, float top) {
      const Sizing& s = sizes[i];
      HeapLayout::Box& b = out.boxes[i];
      b.id = view.boxes[i].value.id;
      b.column = c;
      b.rect = {out.column_x[static_cast<size_t>(c)], top, s.w, s.h};
      b.rows_shown = s.shown;
      b.folded = s.folded;
      b.label_w = s.label_w;
      taken.emplace(top, top + s.h);
    };
    for (size_t i : survivors) {
      const float top = std::max(before[view.boxes[i].value.id]->rect.y, cursor);
      place(i, top);
      cursor = top + sizes[i].h + kGapY;
    }
    // Level with what reaches it (its head beside that row), when that
    // is in a column before (placed already).
    std::vector<float> wanted(view.boxes.size(), kTop);
    for (size_t i : fresh) {
      const Via& v = via[i];
      if (v.frame >= 0) wanted[i] = out.frame_row_y(static_cast<size_t>(v.frame), v.row) - 0.65f;
      else if (v.box >= 0 && column[static_cast<size_t>(v.box)] < c) wanted[i] = out.box_row_y(out.boxes[static_cast<size_t>(v.box)], v.row) - 0.65f;
      wanted[i] = std::max(wanted[i], kTop);
    }
    std::stable_sort(fresh.begin(), fresh.end(), [&](size_t a, size_t b) { return wanted[a] < wanted[b]; });
    for (size_t i : fresh) {
      float top = wanted[i];
      // From the box that starts at or above [top] (the others are wholly above).
      auto it = taken.upper_bound(top);
      if (it != taken.begin()) --it;
      for (; it != taken.end(); ++it) {
        const auto [a, b] = *it;
        if (b + kGapY <= top) continue;            // wholly above
        if (top + sizes[i].h + kGapY <= a) break;  // room before it
        top = b + kGapY;
      }
      place(i, top);
    }
    for (const auto& t : taken) out.height = std::max(out.height, t.second + kGapY);
  }
  // Routes.
  auto lane_x = [&](int gutter, uint64_t to) {
    const auto g = static_cast<size_t>(gutter);
    return out.column_x[g] + out.column_w[g] + 1.0f + kLaneStep * static_cast<float>(gutter_lane[{gutter, to}]);
  };
  auto exit_point = [&](const HeapLayout::Edge& e) -> HeapLayout::Point {
    if (e.frame >= 0) return {out.frames[static_cast<size_t>(e.frame)].right(), out.frame_row_y(static_cast<size_t>(e.frame), e.row)};
    const HeapLayout::Box& source = out.boxes[index[e.box]];
    return {source.rect.right(), out.box_row_y(source, e.row)};
  };
  // Where arrows run level through each gutter: out of a source's edge
  // and into a target's.  An arrow into one object must not run level
  // with an arrow out to another in the same gutter, where the eye would
  // join them into one (a name seeming to point at the object beside it).
  std::map<int, std::multimap<float, uint64_t>> level;  // gutter -> the runs' lines and targets
  for (const auto& p : pending) level[p.from_column].emplace(exit_point(p.edge).y, p.edge.to);
  constexpr float kApart = 0.45f;  // lines between level runs of different arrows
  // How near [y] the nearest run to another object is (kApart at most).
  auto clearance = [&](int gutter, float y, uint64_t to) {
    float d = kApart;
    const auto& runs = level[gutter];
    for (auto it = runs.lower_bound(y - kApart); it != runs.end() && it->first < y + kApart; ++it) {
      if (it->second != to) d = std::min(d, std::abs(it->first - y));
    }
    return d;
  };
  // Per target and side: the line its arrows come in on, and whether
  // they come down into its top instead (the head's line being taken).
  struct Entry {
    float y;
    bool top;
  };
  std::map<std::pair<uint64_t, bool>, Entry> entries;
  auto entry = [&](const HeapLayout::Box& target, bool from_right, int gutter) {
    auto [it, fresh] = entries.try_emplace({target.id, from_right}, Entry{out.box_row_y(target, -1), false});
    if (!fresh) return it->second;
    // The head's middle, higher or lower in it, or from the gap above
    // (not for a box at the top, under the corridor).
    std::vector<Entry> choices{{target.rect.y + 0.65f, false}, {target.rect.y + 0.3f, false}, {target.rect.y + 1.0f, false}};
    if (target.rect.y >= kTop + 0.5f) choices.push_back({target.rect.y - 0.5f, true});
    float best = -1;
    for (const Entry& c : choices) {
      const float d = clearance(gutter, c.y, target.id);
      if (d >= kApart) {
        it->second = c;
        best = d;
        break;
      }
      if (d > best) {
        best = d;
        it->second = c;
      }
    }
    level[gutter].emplace(it->second.y, target.id);
    return it->second;
  };
  for (auto& p : pending) {
    HeapLayout::Edge& e = p.edge;
    const HeapLayout::Box& target = out.boxes[index[e.to]];
    const HeapLayout::Point from = exit_point(e);
    const int g = last_gutter(p.from_column, target.column);
    e.from_right = target.column <= p.from_column;
    const Entry in = entry(target, e.from_right, g);
    // Into the left or right edge of its head, or down into its top.
    const float edge_x = e.from_right ? target.rect.right() : target.rect.x;
    const HeapLayout::Point to = in.top ? HeapLayout::Point{edge_x + (e.from_right ? -1.0f : 1.0f), target.rect.y}
                                        : HeapLayout::Point{edge_x, in.y};
    const float x1 = lane_x(p.from_column, e.to);
    e.route.push_back(from);
    e.route.push_back({x1, from.y});
    if (g == p.from_column) {
      e.route.push_back({x1, in.y});
    } else {
      // Up to the corridor above every box, along it, and down.
      const float cy = kCorridorLane0 + kCorridorLaneStep * static_cast<float>(corridor_lane[e.to]);
      const float x2 = lane_x(g, e.to);
      e.route.push_back({x1, cy});
      e.route.push_back({x2, cy});
      e.route.push_back({x2, in.y});
    }
    if (in.top) e.route.push_back({to.x, in.y});
    e.route.push_back(to);
    // No zero-length segments, no bend that goes straight on.
    std::vector<HeapLayout::Point> route;
    for (const auto& q : e.route) {
      if (!route.empty() && route.back().x == q.x && route.back().y == q.y) continue;
      if (route.size() >= 2) {
        const auto& a = route[route.size() - 2];
        const auto& b = route.back();
        if ((a.x == b.x && b.x == q.x) || (a.y == b.y && b.y == q.y)) route.pop_back();
      }
      route.push_back(q);
    }
    e.route = std::move(route);
    out.edges.push_back(std::move(e));
  }
  out.width = out.column_x.back() + out.column_w.back();
  return out;
}

namespace {

std::string num(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(v));
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string rect_text(const HeapLayout::Rect& r) {
  return "x " + num(r.x) + " y " + num(r.y) + " w " + num(r.w) + " h " + num(r.h);
}

std::string rect_json(const HeapLayout::Rect& r) {
  return "{\"x\":" + num(r.x) + ",\"y\":" + num(r.y) + ",\"w\":" + num(r.w) + ",\"h\":" + num(r.h) + "}";
}

std::map<uint64_t, size_t> numbers(const HeapView& view) {
  std::map<uint64_t, size_t> n;
  for (size_t i = 0; i < view.boxes.size(); ++i) n[view.boxes[i].value.id] = i + 1;
  return n;
}

}  // namespace

std::string format_heap_layout(const HeapView& view, const HeapLayout& layout) {
  auto n = numbers(view);
  std::string out = "layout (x in characters, y in lines; " + num(layout.width) + " by " + num(layout.height) + "):\n";
  for (size_t i = 0; i < layout.frames.size(); ++i) out += "  frame " + view.frames[i].code + ": " + rect_text(layout.frames[i]) + "\n";
  for (size_t i = 0; i < layout.boxes.size(); ++i) {
    out += "  #" + std::to_string(i + 1) + ": column " + std::to_string(layout.boxes[i].column) + " " + rect_text(layout.boxes[i].rect) + "\n";
  }
  for (const auto& e : layout.edges) {
    std::string from = e.frame >= 0 ? view.frames[static_cast<size_t>(e.frame)].names[static_cast<size_t>(e.row)].label
                                    : "#" + std::to_string(n[e.box]) + (e.row < 0 ? "" : " row " + std::to_string(e.row));
    out += "  " + from + " -> #" + std::to_string(n[e.to]) + ":";
    for (const auto& p : e.route) out += " (" + num(p.x) + "," + num(p.y) + ")";
    out += "\n";
  }
  return out;
}

std::string heap_layout_json(const HeapView& view, const HeapLayout& layout) {
  auto n = numbers(view);
  std::string out = "{\"width\":" + num(layout.width) + ",\"height\":" + num(layout.height) + ",\"frames\":[";
  for (size_t i = 0; i < layout.frames.size(); ++i) out += (i ? "," : "") + rect_json(layout.frames[i]);
  out += "],\"objects\":[";
  for (size_t i = 0; i < layout.boxes.size(); ++i) {
    const auto& b = layout.boxes[i];
    out += std::string(i ? "," : "") + "{\"id\":" + std::to_string(i + 1) + ",\"column\":" + std::to_string(b.column) +
           ",\"rect\":" + rect_json(b.rect) + ",\"rows_shown\":" + std::to_string(b.rows_shown) +
           ",\"folded\":" + std::to_string(b.folded) + "}";
  }
  out += "],\"edges\":[";
  for (size_t i = 0; i < layout.edges.size(); ++i) {
    const auto& e = layout.edges[i];
    out += std::string(i ? "," : "") + "{" +
           (e.frame >= 0 ? "\"frame\":" + std::to_string(e.frame) : "\"object\":" + std::to_string(n[e.box])) +
           ",\"row\":" + std::to_string(e.row) + ",\"to\":" + std::to_string(n[e.to]) + ",\"route\":[";
    for (size_t k = 0; k < e.route.size(); ++k) out += (k ? ",[" : "[") + num(e.route[k].x) + "," + num(e.route[k].y) + "]";
    out += "]}";
  }
  return out + "]}";
}

}  // namespace pylife::trace
