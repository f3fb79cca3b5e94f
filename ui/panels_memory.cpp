// The memory panels: the cycle collector's generations and its
// collections, animated phase by phase (GC), and the small-object
// allocator's arenas and pools (Memory).  What they show comes from the
// core (trace::Session::Position: gc, collection, memory); the panels only
// lay it out.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "app.h"
#include "imgui.h"
#include "style.h"

namespace pylife::ui {

namespace {

using Reason = events::GcCollection::Reason;

// A colour per type name (stable across frames and runs).
ImU32 type_colour(const std::string& type, float alpha = 1.0f) {
  uint32_t h = 2166136261u;
  for (char c : type) h = (h ^ static_cast<uint8_t>(c)) * 16777619u;
  float r, g, b;
  ImGui::ColorConvertHSVtoRGB(static_cast<float>(h % 360) / 360.0f, 0.45f, 0.75f, r, g, b);
  return ImGui::GetColorU32(ImVec4(r, g, b, alpha));
}

// A colour per allocator size class: hue around the wheel by block size.
ImU32 class_colour(int size_class, float fullness) {
  float r, g, b;
  ImGui::ColorConvertHSVtoRGB(static_cast<float>(size_class) / 32.0f * 0.85f, 0.65f, 0.35f + 0.6f * fullness, r, g, b);
  return ImGui::GetColorU32(ImVec4(r, g, b, 1.0f));
}

const char* reason_text(Reason r) {
  switch (r) {
    case Reason::kAutomatic: return "automatic (a threshold was passed)";
    case Reason::kCollectCall: return "gc.collect()";
    case Reason::kFinal: return "final collection at exit";
    case Reason::kRequested: return "Collect now";
  }
  return "";
}

// The phases of a collection, as the panel animates them.
constexpr const char* kPhases[] = {
    "1. gc_refs = refcount: every examined object starts with its reference count",
    "2. subtract internal references: each reference from another examined object takes one off",
    "3. gc_refs > 0: referenced from outside (a variable, an older object): reachable, and so is all it refers to",
    "4. the rest is unreachable: only the cycle itself keeps it alive",
    "5. finalizers (__del__, closing generators) run once; an object they save survives",
    "6. tp_clear breaks the cycles and reference counting frees the objects",
    "7. the survivors move to the next generation",
};
constexpr int kPhaseCount = static_cast<int>(std::size(kPhases));

class GcPanel final : public Panel {
 public:
  const char* title() const override { return "GC"; }
  void draw(AppState& state) override {
    RunModel& run = state.run;
    if (!run.ready()) {
      ImGui::TextDisabled("(nothing runs yet)");
      return;
    }
    const auto& at = run.at();
    if (!at.finished) {
      if (ImGui::Button("Collect now")) run.collect_now();
      if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("run gc.collect() here, as if the program had called it (the run is recorded again)");
      }
      ImGui::SameLine();
    }
    const auto& g = at.gc;
    ImGui::TextDisabled("automatic collection %s; thresholds %lld / %lld / %lld", g.enabled ? "on" : "off",
                        static_cast<long long>(g.generations[0].threshold),
                        static_cast<long long>(g.generations[1].threshold),
                        static_cast<long long>(g.generations[2].threshold));
    // A collection the step before ran comes first; the lanes then show
    // only their counts.
    if (at.collection) {
      ImGui::Separator();
      draw_collection(state, *at.collection);
      ImGui::Separator();
    }
    if (at.finished) {
      ImGui::TextDisabled("(the program has ended: the final collection is in the list below)");
    } else {
      for (int i = 0; i < 3; ++i) draw_generation(i, g.generations[i], !at.collection);
      if (g.frozen) ImGui::TextDisabled("frozen (gc.freeze): %zu objects the collector no longer examines", g.frozen);
    }
    draw_history(run);
  }

 private:
  int phase_ = -1;            // -1: the animation plays by itself
  uint64_t phase_step_ = 0;   // the step the manual phase belongs to

  static void draw_generation(int index, const events::GcSnapshot::Generation& gen, bool lane) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::Text("Generation %d", index);
    ImGui::SameLine();
    // The count filling towards the threshold: past it, a collection is due.
    float fill = gen.threshold > 0 ? std::min(1.0f, static_cast<float>(gen.count) / static_cast<float>(gen.threshold)) : 0.0f;
    char label[96];
    std::snprintf(label, sizeof label, "%s %lld of %lld", index == 0 ? "allocations" : "collections below",
                  static_cast<long long>(gen.count), static_cast<long long>(gen.threshold));
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, fill >= 1.0f ? ImVec4(0.9f, 0.4f, 0.3f, 1) : ImVec4(0.35f, 0.6f, 0.9f, 1));
    ImGui::ProgressBar(fill, ImVec2(ImGui::GetFontSize() * 14.0f, 0), label);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip(index == 0 ? "containers made minus containers freed since the last collection of generation 0"
                                   : "collections of the younger generation since this one was last collected");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu objects, collected %llu times", gen.size, static_cast<unsigned long long>(gen.collections));
    if (!lane) return;
    // The lane: one small box per object, the newest last (two rows at most).
    const float box = ImGui::GetFontSize() * 0.9f, gap = 2.0f;
    const float width = ImGui::GetContentRegionAvail().x;
    const int per_row = std::max(1, static_cast<int>(width / (box + gap)));
    const size_t shown = std::min(gen.objects.size(), static_cast<size_t>(per_row) * 2);
    const int rows = std::max(1, static_cast<int>((shown + static_cast<size_t>(per_row) - 1) / static_cast<size_t>(per_row)));
    ImVec2 origin = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + static_cast<float>(rows) * (box + gap) + gap),
                      themed(IM_COL32(30, 34, 44, 255)), 3.0f);
    const size_t skip = gen.objects.size() - shown;
    for (size_t k = 0; k < shown; ++k) {
      const auto& o = gen.objects[skip + k];
      float x = origin.x + gap + static_cast<float>(static_cast<int>(k) % per_row) * (box + gap);
      float y = origin.y + gap + static_cast<float>(static_cast<int>(k) / per_row) * (box + gap);
      dl->AddRectFilled(ImVec2(x, y), ImVec2(x + box, y + box), type_colour(o.type), 2.0f);
      if (ImGui::IsMouseHoveringRect(ImVec2(x, y), ImVec2(x + box, y + box))) {
        ImGui::SetTooltip("%s, refcount %lld", o.type.c_str(), static_cast<long long>(o.refcount));
      }
    }
    ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * (box + gap) + gap));
    if (gen.size > shown) ImGui::TextDisabled("(the newest %zu of %zu shown)", shown, gen.size);
  }

  // Which examined objects to draw: the unreachable ones, what they refer
  // to and what refers to them (a full collection examines the
  // interpreter's own objects too); the newest when nothing is unreachable.
  static std::vector<const events::GcObjectState*> objects_to_show(const events::GcCollection& c) {
    std::vector<const events::GcObjectState*> pick;
    std::map<uint64_t, const events::GcObjectState*> by_id;
    for (const auto& o : c.objects) by_id[o.id] = &o;
    auto add = [&](const events::GcObjectState* o) {
      if (pick.size() < 48 && std::find(pick.begin(), pick.end(), o) == pick.end()) pick.push_back(o);
    };
    for (const auto& o : c.objects) {
      if (o.unreachable) add(&o);
    }
    for (size_t k = 0, n = pick.size(); k < n; ++k) {
      for (uint64_t r : pick[k]->refs) {
        if (auto it = by_id.find(r); it != by_id.end()) add(it->second);
      }
    }
    for (const auto& o : c.objects) {
      for (uint64_t r : o.refs) {
        auto it = by_id.find(r);
        if (it != by_id.end() && it->second->unreachable) add(&o);
      }
    }
    if (pick.empty()) {
      for (size_t k = c.objects.size(); k-- > 0 && pick.size() < 12;) add(&c.objects[k]);
    }
    return pick;
  }

  // The collection of the line before, phase by phase.
  void draw_collection(AppState& state, const events::GcCollection& c) {
    uint64_t ago = state.run.step() > c.step + 1 ? state.run.step() - 1 - c.step : 0;
    if (ago == 0) {
      ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.35f, 1), "The last step ran a collection of generation %d: %s",
                         c.generation, reason_text(c.reason));
    } else {
      ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.35f, 1), "A collection of generation %d ran %llu step%s ago: %s",
                         c.generation, static_cast<unsigned long long>(ago), ago == 1 ? "" : "s", reason_text(c.reason));
    }
    ImGui::Text("examined %lld, unreachable %lld, collected %lld, uncollectable %lld",
                static_cast<long long>(c.examined), static_cast<long long>(c.unreachable),
                static_cast<long long>(c.collected), static_cast<long long>(c.uncollectable));
    if (c.objects.empty()) return;
    if (phase_step_ != state.run.step()) {
      phase_ = -1;
      phase_step_ = state.run.step();
    }
    int phase = phase_ >= 0 ? phase_ : std::min(kPhaseCount - 1, static_cast<int>((state.now - state.step_changed_at) / 1.2));
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) phase_ = std::max(0, phase - 1);
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) phase_ = std::min(kPhaseCount - 1, phase + 1);
    ImGui::SameLine();
    if (ImGui::SmallButton("replay")) {
      phase_ = -1;
      state.step_changed_at = state.now;
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", kPhases[phase]);
    // The examined objects in a grid, with their references between them.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetFontSize() * 7.5f, h = ImGui::GetTextLineHeightWithSpacing() * 2.2f, gap = 14.0f;
    const float avail = ImGui::GetContentRegionAvail().x;
    const int cols = std::max(1, static_cast<int>((avail + gap) / (w + gap)));
    const std::vector<const events::GcObjectState*> pick = objects_to_show(c);
    const size_t shown = pick.size();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    std::map<uint64_t, ImVec2> where;
    for (size_t k = 0; k < shown; ++k) {
      where[pick[k]->id] = ImVec2(origin.x + static_cast<float>(static_cast<int>(k) % cols) * (w + gap),
                                  origin.y + static_cast<float>(static_cast<int>(k) / cols) * (h + gap));
    }
    // References first, under the boxes: red while they are being subtracted.
    for (size_t k = 0; k < shown; ++k) {
      const auto& o = *pick[k];
      ImVec2 a = where[o.id];
      for (uint64_t r : o.refs) {
        auto it = where.find(r);
        if (it == where.end()) continue;
        ImVec2 b = it->second;
        ImVec2 p0(a.x + w * 0.5f, a.y + h * 0.5f), p1(b.x + w * 0.5f, b.y + h * 0.5f);
        ImU32 col = phase == 1 ? IM_COL32(235, 110, 90, 230) : IM_COL32(200, 170, 90, 150);
        if (r == o.id) {
          dl->AddCircle(ImVec2(a.x + w, a.y), 9.0f, col, 12, 1.6f);
        } else {
          dl->AddLine(p0, p1, col, 1.6f);
          dl->AddCircleFilled(ImVec2(p0.x + (p1.x - p0.x) * 0.8f, p0.y + (p1.y - p0.y) * 0.8f), 3.0f, col);
        }
      }
    }
    for (size_t k = 0; k < shown; ++k) {
      const auto& o = *pick[k];
      ImVec2 p0 = where[o.id], p1(p0.x + w, p0.y + h);
      bool reachable = !o.unreachable || o.resurrected;
      ImU32 fill = themed(IM_COL32(38, 44, 58, 255));
      if (phase >= 2 && reachable) fill = IM_COL32(40, 95, 60, 255);
      if (phase >= 3 && o.unreachable) fill = IM_COL32(120, 45, 45, 255);
      if (phase >= 4 && o.resurrected) fill = IM_COL32(40, 95, 60, 255);
      float alpha = phase >= 5 && o.freed ? 0.35f : 1.0f;
      dl->AddRectFilled(p0, p1, (fill & 0x00FFFFFFu) | (static_cast<ImU32>(alpha * 255) << IM_COL32_A_SHIFT), 4.0f);
      dl->AddRect(p0, p1, type_colour(o.type, alpha), 4.0f, 0, 1.5f);
      dl->AddText(ImVec2(p0.x + 4, p0.y + 2), type_colour(o.type, alpha), o.type.c_str());
      std::string line = phase == 0 ? "gc_refs " + std::to_string(o.refcount) : "gc_refs " + std::to_string(o.gc_refs);
      if (phase >= 4 && o.finalized) line += "  __del__";
      if (phase >= 5 && o.freed) line = "freed";
      if (phase >= 6 && reachable) line = "-> generation " + std::to_string(std::min(2, c.generation + 1));
      dl->AddText(ImVec2(p0.x + 4, p0.y + h * 0.5f), IM_COL32(235, 235, 235, static_cast<int>(alpha * 255)), line.c_str());
      if (ImGui::IsMouseHoveringRect(p0, p1)) {
        ImGui::SetTooltip("%s (generation %d)\nrefcount %lld, %lld after internal references\n%s%s%s", o.type.c_str(),
                          o.generation, static_cast<long long>(o.refcount), static_cast<long long>(o.gc_refs),
                          o.unreachable ? "unreachable" : "reachable", o.finalized ? ", finalized" : "",
                          o.freed ? ", freed" : "");
      }
    }
    int rows = static_cast<int>((shown + static_cast<size_t>(cols) - 1) / static_cast<size_t>(cols));
    ImGui::Dummy(ImVec2(avail, static_cast<float>(rows) * (h + gap)));
    if (c.objects.size() > shown || c.truncated) {
      ImGui::TextDisabled("(%zu of the %lld examined objects shown: the unreachable ones, their neighbours, the newest)",
                          shown, static_cast<long long>(c.examined));
    }
  }

  // Every collection of the run; a click goes to the step after it.
  static void draw_history(RunModel& run) {
    const auto& all = run.collections();
    if (!ImGui::CollapsingHeader(("Collections of this run (" + std::to_string(all.size()) + ")").c_str())) return;
    for (size_t i = 0; i < all.size(); ++i) {
      const auto& c = all[i];
      char label[160];
      std::snprintf(label, sizeof label, "step %llu: generation %d, collected %lld, %s##%zu",
                    static_cast<unsigned long long>(c.step), c.generation, static_cast<long long>(c.collected),
                    reason_text(c.reason), i);
      if (ImGui::Selectable(label, run.step() == c.step + 1)) run.seek(c.step + 1);
    }
  }
};

class MemoryPanel final : public Panel {
 public:
  const char* title() const override { return "Memory"; }
  void draw(AppState& state) override {
    const RunModel& run = state.run;
    if (!run.ready() || run.finished()) {
      ImGui::TextDisabled(run.ready() ? "(the program has ended: its memory is returned)" : "(nothing runs yet)");
      return;
    }
    const auto& m = run.at().memory;
    uint64_t pools = 0, used = 0, free = 0;
    for (const auto& c : m.classes) {
      pools += c.pools;
      used += c.used;
      free += c.free;
    }
    ImGui::TextWrapped(
        "Objects up to 512 bytes come from pools of equal blocks (one size per pool), %zu KiB each, carved from "
        "%zu KiB arenas; an arena whose pools are all empty goes back to the system.",
        m.pool_size / 1024, m.arena_size / 1024);
    ImGui::Text("%zu arenas, %llu pools in use, %llu blocks in use, %llu free in them; %llu larger objects (%llu bytes)",
                m.arenas.size(), static_cast<unsigned long long>(pools), static_cast<unsigned long long>(used),
                static_cast<unsigned long long>(free), static_cast<unsigned long long>(m.large_objects),
                static_cast<unsigned long long>(m.large_bytes));
    for (const auto& ch : run.at().memory_changes) {
      const char* what = ch.kind == events::MemoryChange::Kind::kArenaNew    ? "a new arena"
                         : ch.kind == events::MemoryChange::Kind::kArenaFreed ? "an arena returned to the system"
                         : ch.kind == events::MemoryChange::Kind::kPoolNew    ? "a new pool"
                                                                               : "a pool emptied";
      if (ch.size_class >= 0) {
        ImGui::TextColored(ImVec4(0.95f, 0.8f, 0.4f, 1), "This step: %s (%d-byte blocks)", what, (ch.size_class + 1) * 16);
      } else {
        ImGui::TextColored(ImVec4(0.95f, 0.8f, 0.4f, 1), "This step: %s", what);
      }
    }
    // Each arena as a grid of its pools: colour by size class, brightness
    // by how full the pool is.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cell = ImGui::GetFontSize() * 0.95f;
    const int across = 16;
    ImGui::BeginChild("arenas", ImVec2(0, -ImGui::GetTextLineHeightWithSpacing() * 6), false);
    for (size_t a = 0; a < m.arenas.size(); ++a) {
      const auto& arena = m.arenas[a];
      ImGui::TextDisabled("arena %zu", a + 1);
      ImVec2 origin = ImGui::GetCursorScreenPos();
      for (size_t p = 0; p < arena.pools.size(); ++p) {
        const auto& pool = arena.pools[p];
        float x = origin.x + static_cast<float>(p % across) * (cell + 2), y = origin.y + static_cast<float>(p / across) * (cell + 2);
        ImVec2 p0(x, y), p1(x + cell, y + cell);
        if (pool.size_class < 0) {
          dl->AddRect(p0, p1, themed(IM_COL32(70, 74, 86, 255)), 2.0f);
        } else {
          float fullness = pool.capacity ? static_cast<float>(pool.used) / static_cast<float>(pool.capacity) : 0.0f;
          dl->AddRectFilled(p0, p1, class_colour(pool.size_class, fullness), 2.0f);
        }
        for (const auto& ch : run.at().memory_changes) {
          if (ch.pool == static_cast<int>(p) && ch.arena == arena.id) dl->AddRect(p0, p1, IM_COL32(255, 230, 120, 255), 2.0f, 0, 2.0f);
        }
        if (ImGui::IsMouseHoveringRect(p0, p1)) {
          if (pool.size_class < 0) {
            ImGui::SetTooltip("pool %zu: empty", p);
          } else {
            ImGui::SetTooltip("pool %zu: %d-byte blocks, %u of %u in use", p, (pool.size_class + 1) * 16, pool.used, pool.capacity);
          }
        }
      }
      float rows = static_cast<float>((arena.pools.size() + across - 1) / across);
      ImGui::Dummy(ImVec2(static_cast<float>(across) * (cell + 2), rows * (cell + 2)));
    }
    ImGui::EndChild();
    // The size classes in use.
    if (ImGui::BeginTable("classes", 4, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame)) {
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn("block size");
      ImGui::TableSetupColumn("pools");
      ImGui::TableSetupColumn("in use");
      ImGui::TableSetupColumn("free");
      ImGui::TableHeadersRow();
      for (size_t c = 0; c < m.classes.size(); ++c) {
        const auto& cs = m.classes[c];
        if (!cs.pools) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImVec2 at = ImGui::GetCursorScreenPos();
        float sz = ImGui::GetFontSize() * 0.7f;
        dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(at.x, at.y + 2), ImVec2(at.x + sz, at.y + 2 + sz), class_colour(static_cast<int>(c), 1.0f));
        ImGui::Dummy(ImVec2(sz + 2, sz));
        ImGui::SameLine();
        ImGui::Text("%u bytes", cs.block_size);
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(cs.pools));
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(cs.used));
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(cs.free));
      }
      ImGui::EndTable();
    }
  }
};

}  // namespace

std::unique_ptr<Panel> make_gc_panel() { return std::make_unique<GcPanel>(); }
std::unique_ptr<Panel> make_memory_panel() { return std::make_unique<MemoryPanel>(); }

}  // namespace pylife::ui
