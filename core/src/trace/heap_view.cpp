// The heap view model (pylife/heap_view.h).
#include "pylife/heap_view.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "pylife/unicode.h"

namespace pylife::trace {

bool is_scalar(const std::string& type) {
  return type == "int" || type == "float" || type == "str" || type == "bool" || type == "NoneType" ||
         type == "complex" || type == "bytes";
}

const HeapView::Box* HeapView::box(uint64_t id) const {
  for (const Box& b : boxes) {
    if (b.value.id == id) return &b;
  }
  return nullptr;
}

namespace {

// A qualified name's last part: "increment" of "Counter.increment".
std::string last_part(const std::string& qualname) {
  const size_t dot = qualname.rfind('.');
  return qualname.substr(dot == std::string::npos ? 0 : dot + 1);
}

}  // namespace

std::string frame_title(const HeapView::Frame& f) {
  if (f.code == "<module>") return "Global frame";
  return last_part(f.code) + "  (depth " + std::to_string(f.depth) + ")";
}

HeapView heap_view(const std::vector<events::FrameState>& frames, const std::vector<events::HeapObject>& heap,
                   bool internals, bool scalars_as_objects) {
  // Drawn inline: every scalar, or (as objects) only None and the bools.
  auto inline_value = [&](const std::string& type) {
    return scalars_as_objects ? type == "NoneType" || type == "bool" : is_scalar(type);
  };
  HeapView view;
  std::unordered_map<uint64_t, const events::HeapObject*> by_id;
  for (const auto& h : heap) by_id[h.value.id] = &h;
  auto slot = [&](std::string label, const events::Value& v) {
    HeapView::Slot s{std::move(label), "", 0};
    auto it = by_id.find(v.id);
    if (inline_value(v.type) || it == by_id.end()) s.text = v.repr;
    else s.target = v.id;
    return s;
  };
  // The compiler's own names (a comprehension's `.0`) are internals.
  auto shown = [&](const std::string& name) { return internals || name.empty() || name[0] != '.'; };
  std::vector<uint64_t> todo;
  for (size_t i = 0; i < frames.size(); ++i) {
    const auto& f = frames[i];
    HeapView::Frame vf{f.code, f.line, static_cast<int>(frames.size() - i), {}};
    for (const auto& [name, v] : f.locals) {
      if (!shown(name)) continue;
      vf.names.push_back(slot(name, v));
      todo.push_back(v.id);
    }
    view.frames.push_back(std::move(vf));
  }
  // Learner: the objects the names reach, directly or through others:
  // through an object's named fields where it has them (a generator's
  // variables, not its code and globals), else through what it refers to.
  std::set<uint64_t> reached;
  while (!todo.empty()) {
    uint64_t id = todo.back();
    todo.pop_back();
    if (!reached.insert(id).second) continue;
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    const events::HeapObject& h = *it->second;
    if (h.fields.empty()) {
      // (Not to the scalars of an object without fields: a function's
      // name string is not the program's.)
      for (uint64_t r : h.refs) {
        if (auto ri = by_id.find(r); ri != by_id.end() && !is_scalar(ri->second->value.type)) todo.push_back(r);
      }
    } else {
      for (const auto& f : h.fields) {
        if (f.id) todo.push_back(f.id);
      }
    }
  }
  for (const auto& h : heap) {
    if (inline_value(h.value.type) || (!internals && !reached.count(h.value.id))) continue;
    HeapView::Box b;
    b.value = h.value;
    b.title = h.value.type;
    const std::string prefix = "<class '", function = "<function ";
    const std::string& repr = h.value.repr;
    if (repr.rfind(prefix, 0) == 0 && repr.size() > prefix.size() + 2) {
      b.title = "class " + repr.substr(prefix.size(), repr.size() - prefix.size() - 2);
    } else if (repr.rfind(function, 0) == 0 && repr.size() > function.size() + 1) {
      // "function increment" (its qualified name's last part).
      b.title = "function " + last_part(repr.substr(function.size(), repr.size() - function.size() - 1));
    }
    // An empty container as Python writes it ([] rather than list[0]).
    static const std::map<std::string, std::string> kEmpty = {
        {"list", "[]"}, {"dict", "{}"}, {"tuple", "()"}, {"set", "set()"}, {"frozenset", "frozenset()"}};
    if (auto e = kEmpty.find(h.value.type); e != kEmpty.end() && repr == h.value.type + "[0]") b.value.repr = e->second;
    b.generation = h.generation;
    b.in_cycle = h.in_cycle;
    b.more = h.more;
    std::set<uint64_t> named;
    for (const auto& f : h.fields) {
      if (f.id == 0) {
        b.rows.push_back({f.label, f.text, 0});
        continue;
      }
      auto it = by_id.find(f.id);
      if (it == by_id.end()) continue;
      b.rows.push_back(slot(f.label, it->second->value));
      named.insert(f.id);
    }
    for (uint64_t r : h.refs) {
      auto it = by_id.find(r);
      if (it == by_id.end() || named.count(r)) continue;
      // No fields (a function, a generator...): its scalar referents are
      // listed, its objects referred to from the head.
      if (h.fields.empty() && is_scalar(it->second->value.type)) b.rows.push_back({"", it->second->value.repr, 0});
      else if (!is_scalar(it->second->value.type) && r != h.value.id) b.other_refs.push_back(r);
    }
    view.boxes.push_back(std::move(b));
  }
  // A reference to an object the view leaves out is not drawn.
  std::set<uint64_t> boxed;
  for (const auto& b : view.boxes) boxed.insert(b.value.id);
  for (auto& b : view.boxes) std::erase_if(b.other_refs, [&](uint64_t r) { return !boxed.count(r); });
  return view;
}

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

}  // namespace

std::vector<uint64_t> find_boxes(const HeapView& view, const std::string& query) {
  std::vector<uint64_t> out;
  const std::string q = lower(query);
  if (q.empty()) return out;
  auto has = [&](const std::string& s) { return lower(s).find(q) != std::string::npos; };
  std::set<uint64_t> named;  // by a frame's name equal to the query
  for (const auto& f : view.frames) {
    for (const auto& n : f.names) {
      if (n.target && lower(n.label) == q) named.insert(n.target);
    }
  }
  for (size_t i = 0; i < view.boxes.size(); ++i) {
    const auto& b = view.boxes[i];
    bool hit = named.count(b.value.id) || has(b.title) || has(b.value.type) || q == "#" + std::to_string(i + 1);
    for (size_t r = 0; r < b.rows.size() && !hit; ++r) hit = has(b.rows[r].label) || (!b.rows[r].target && has(b.rows[r].text));
    if (hit) out.push_back(b.value.id);
  }
  return out;
}

HeapView filter_view(const HeapView& view, const HeapFilter& filter) {
  if (!filter.any()) return view;
  HeapView out;
  std::unordered_map<uint64_t, const HeapView::Box*> by_id;
  for (const auto& b : view.boxes) by_id.emplace(b.value.id, &b);
  for (const auto& f : view.frames) {
    if (filter.depth <= 0 || f.depth == filter.depth) out.frames.push_back(f);
  }
  // Reachable from the frames kept, breadth first (all, with no frame chosen).
  std::set<uint64_t> keep;
  if (filter.depth > 0) {
    std::deque<uint64_t> queue;
    auto reach = [&](uint64_t id) {
      if (id && by_id.count(id) && keep.insert(id).second) queue.push_back(id);
    };
    for (const auto& f : out.frames) {
      for (const auto& n : f.names) reach(n.target);
    }
    while (!queue.empty()) {
      const HeapView::Box* b = by_id[queue.front()];
      queue.pop_front();
      for (const auto& r : b->rows) reach(r.target);
      for (uint64_t r : b->other_refs) reach(r);
    }
  } else {
    for (const auto& b : view.boxes) keep.insert(b.value.id);
  }
  if (!filter.type.empty()) std::erase_if(keep, [&](uint64_t id) { return by_id[id]->value.type != filter.type; });
  auto narrow = [&](HeapView::Slot& s) {
    if (s.target && !keep.count(s.target)) {
      auto it = by_id.find(s.target);
      s.text = it == by_id.end() ? "?" : it->second->value.repr;
      s.target = 0;
    }
  };
  for (auto& f : out.frames) {
    for (auto& n : f.names) narrow(n);
  }
  for (const auto& b : view.boxes) {
    if (!keep.count(b.value.id)) continue;
    out.boxes.push_back(b);
    for (auto& r : out.boxes.back().rows) narrow(r);
    std::erase_if(out.boxes.back().other_refs, [&](uint64_t r) { return !keep.count(r); });
  }
  return out;
}

std::vector<std::pair<std::string, size_t>> heap_summary(const std::vector<events::HeapObject>& heap) {
  std::map<std::string, size_t> count;
  for (const auto& h : heap) ++count[h.value.type];
  std::vector<std::pair<std::string, size_t>> out(count.begin(), count.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

namespace {

// Boxes by number (#1...), in order; a reference outside them by type.
struct Numbers {
  std::map<uint64_t, size_t> of;
  explicit Numbers(const HeapView& v) {
    for (size_t i = 0; i < v.boxes.size(); ++i) of[v.boxes[i].value.id] = i + 1;
  }
  std::string ref(uint64_t id) const {
    auto it = of.find(id);
    return it == of.end() ? "?" : "#" + std::to_string(it->second);
  }
};

std::string slot_text(const HeapView::Slot& s, const Numbers& n) {
  return s.target ? "-> " + n.ref(s.target) : s.text;
}

}  // namespace

std::string format_heap_view(const HeapView& view) {
  Numbers n(view);
  std::string out = "frames (the running one first):\n";
  for (const auto& f : view.frames) {
    out += "  " + f.code + "  line " + std::to_string(f.line) + (f.depth > 1 ? "  depth " + std::to_string(f.depth) : "") + "\n";
    if (f.names.empty()) out += "    (no names yet)\n";
    for (const auto& s : f.names) out += "    " + s.label + (s.target ? " " : " = ") + slot_text(s, n) + "\n";
  }
  out += "objects:\n";
  if (view.boxes.empty()) out += "  (none)\n";
  for (size_t i = 0; i < view.boxes.size(); ++i) {
    const auto& b = view.boxes[i];
    out += "  #" + std::to_string(i + 1) + " " + b.title + "  refcount " + std::to_string(b.value.refcount) +
           (b.value.immortal ? " (+ the VM's own: never freed)" : "") +
           (b.in_cycle ? "  (on a reference cycle)" : "") + "\n";
    if (b.rows.empty() && b.other_refs.empty()) out += "    " + b.value.repr + "\n";
    for (const auto& r : b.rows) {
      out += "    " + (r.label.empty() ? std::string() : r.label + (r.target ? " " : ": ")) + slot_text(r, n) + "\n";
    }
    if (b.more) out += "    ... " + std::to_string(b.more) + " more\n";
    for (uint64_t r : b.other_refs) out += "    refers to " + n.ref(r) + "\n";
  }
  return out;
}

std::string heap_view_json(const HeapView& view) {
  using unicode::json_string;
  Numbers n(view);
  auto slot = [&](const HeapView::Slot& s, const char* key) {
    std::string out = "{\"" + std::string(key) + "\":" + json_string(s.label);
    if (s.target) {
      auto it = n.of.find(s.target);
      out += ",\"ref\":" + (it == n.of.end() ? std::string("null") : std::to_string(it->second));
    } else {
      out += ",\"value\":" + json_string(s.text);
    }
    return out + "}";
  };
  std::string out = "{\"frames\":[";
  for (size_t i = 0; i < view.frames.size(); ++i) {
    const auto& f = view.frames[i];
    out += std::string(i ? "," : "") + "{\"code\":" + json_string(f.code) + ",\"line\":" + std::to_string(f.line) +
           ",\"depth\":" + std::to_string(f.depth) + ",\"names\":[";
    for (size_t k = 0; k < f.names.size(); ++k) out += (k ? "," : "") + slot(f.names[k], "name");
    out += "]}";
  }
  out += "],\"objects\":[";
  for (size_t i = 0; i < view.boxes.size(); ++i) {
    const auto& b = view.boxes[i];
    out += std::string(i ? "," : "") + "{\"id\":" + std::to_string(i + 1) + ",\"type\":" + json_string(b.value.type) + ",\"title\":" + json_string(b.title) +
           ",\"repr\":" + json_string(b.value.repr) + ",\"refcount\":" + std::to_string(b.value.refcount) + ",\"immortal\":" + (b.value.immortal ? "true" : "false") +
           ",\"in_cycle\":" + (b.in_cycle ? "true" : "false") + ",\"rows\":[";
    for (size_t k = 0; k < b.rows.size(); ++k) out += (k ? "," : "") + slot(b.rows[k], "label");
    out += "],\"more\":" + std::to_string(b.more) + ",\"refers_to\":[";
    for (size_t k = 0; k < b.other_refs.size(); ++k) {
      auto it = n.of.find(b.other_refs[k]);
      out += (k ? "," : "") + (it == n.of.end() ? std::string("null") : std::to_string(it->second));
    }
    out += "]}";
  }
  return out + "]}";
}

}  // namespace pylife::trace
