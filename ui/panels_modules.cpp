// The stages around the VM: how each import was found, cached or compiled
// and run (Imports), the .pyc files as bytes with every field, constant
// and instruction annotated (.pyc), and what happens after the last
// instruction (Exit).  The facts come from the core (events::Import,
// events::Teardown, pyc::read_pyc's spans); the panels lay them out.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "app.h"
#include "imgui.h"
#include "pylife/pyc.h"
#include "style.h"

namespace pylife::ui {

namespace {

using Stage = events::Import::Stage;

ImVec4 stage_colour(Stage s) {
  switch (s) {
    case Stage::kCacheHit: return ImVec4(0.45f, 0.85f, 0.45f, 1.0f);
    case Stage::kCacheStale:
    case Stage::kCacheMiss:
    case Stage::kCompile: return ImVec4(0.95f, 0.80f, 0.40f, 1.0f);
    case Stage::kCacheBad:
    case Stage::kNotFound:
    case Stage::kFailed: return error_text();
    case Stage::kCacheWrite: return ImVec4(0.55f, 0.80f, 1.0f, 1.0f);
    default: return ImGui::GetStyleColorVec4(ImGuiCol_Text);
  }
}

// The last path component ("helper.py"), or "" for none.
std::string base_name(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// How each module of sys.modules came to be there, from the import events.
struct ModuleRow {
  std::string name, origin, how;
  uint64_t step = 0;
};

std::vector<ModuleRow> module_rows(const std::vector<events::Import>& imports) {
  std::vector<ModuleRow> rows;
  std::map<std::string, std::string> how, origin;
  for (const auto& e : imports) {
    switch (e.stage) {
      case Stage::kFound: origin[e.name] = e.path; break;
      case Stage::kCacheHit: how[e.name] = "cached bytecode used"; break;
      case Stage::kCacheStale: how[e.name] = "cache stale: recompiled"; break;
      case Stage::kCacheBad: how[e.name] = "cache unreadable: recompiled"; break;
      case Stage::kCacheMiss: how[e.name] = "compiled (no cache yet)"; break;
      case Stage::kDone:
        rows.push_back({e.name, origin[e.name], how.count(e.name) ? how[e.name] : e.detail, e.step});
        break;
      default: break;
    }
  }
  return rows;
}

class ImportsPanel final : public Panel {
 public:
  const char* title() const override { return "Imports"; }
  void draw(AppState& state) override {
    RunModel& run = state.run;
    if (!run.ready()) {
      ImGui::TextDisabled("(nothing has run)");
      return;
    }
    const auto& imports = run.imports();
    if (imports.empty()) {
      ImGui::TextWrapped(
          "This run imported nothing from files. `import NAME` looks in sys.modules first, then for a package "
          "NAME/__init__.py or a module NAME.py next to the program, then in pylife's standard library; a "
          "module's bytecode is cached in __pycache__/NAME.pylife-311.pyc.");
      return;
    }
    ImGui::TextDisabled("sys.modules, in the order the imports finished:");
    if (ImGui::BeginTable("modules", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
      ImGui::TableSetupColumn("module", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
      ImGui::TableSetupColumn("file", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn("bytecode", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableHeadersRow();
      for (const ModuleRow& m : module_rows(imports)) {
        ImGui::TableNextRow();
        bool future = m.step >= run.step() && !run.finished();
        if (future) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.origin.empty() ? "(no file)" : base_name(m.origin).c_str());
        if (ImGui::IsItemHovered() && !m.origin.empty()) ImGui::SetTooltip("%s", m.origin.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.how.c_str());
        if (future) ImGui::PopStyleColor();
      }
      ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextDisabled("each stage of each import (click one to go to its step):");
    ImGui::BeginChild("timeline");
    if (ImGui::BeginTable("stages", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      ImGui::TableSetupColumn("step");
      ImGui::TableSetupColumn("import");
      ImGui::TableSetupColumn("what happened", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableHeadersRow();
      for (size_t i = 0; i < imports.size(); ++i) {
        const auto& e = imports[i];
        ImGui::TableNextRow();
        bool future = e.step >= run.step() && !run.finished();
        if (future) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TableNextColumn();
        std::string label = std::to_string(e.step) + "##import" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
          run.seek(std::max<uint64_t>(1, e.step + 1));
        }
        if (ImGui::IsItemHovered() && !e.path.empty()) ImGui::SetTooltip("%s", e.path.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%*s%s", 2 * e.depth, "", e.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(stage_colour(e.stage), "%s", events::stage_name(e.stage));
        if (!e.detail.empty()) {
          ImGui::SameLine();
          ImGui::TextDisabled("%s", e.detail.c_str());
        }
        if (future) ImGui::PopStyleColor();
      }
      ImGui::EndTable();
    }
    ImGui::EndChild();
  }
};

// ---- .pyc ------------------------------------------------------------------------------------

ImU32 span_colour(pyc::Span::Kind k) {
  using K = pyc::Span::Kind;
  switch (k) {
    case K::kHeader: return IM_COL32(70, 110, 190, 255);
    case K::kCode: return IM_COL32(150, 90, 170, 255);
    case K::kField: return IM_COL32(120, 100, 160, 255);
    case K::kInstruction: return IM_COL32(60, 140, 90, 255);
    case K::kString: return IM_COL32(180, 120, 50, 255);
    case K::kNumber: return IM_COL32(60, 140, 150, 255);
    case K::kContainer: return IM_COL32(110, 110, 110, 255);
    case K::kRef: return IM_COL32(170, 80, 80, 255);
    case K::kTrailer: return IM_COL32(90, 90, 140, 255);
    default: return IM_COL32(100, 120, 100, 255);
  }
}

class PycPanel final : public Panel {
 public:
  const char* title() const override { return ".pyc"; }
  void draw(AppState& state) override {
    // The files there are: this program compiled as `pylife compile`
    // writes it (marshalled once per compile), and every .pyc its imports
    // read or wrote (the run's events hold their bytes).
    if (state.compiled.ok && state.compiled.code && state.compiled.code != program_code_) {
      program_code_ = state.compiled.code;
      std::string text = state.decoded.ok ? state.decoded.source.text : state.program;
      program_pyc_ = pyc::write_pyc(pyc::header_for(pyc::Mode::kTimestamp, text, 0), *program_code_);
    }
    std::vector<std::pair<std::string, const std::string*>> files;  // (label, bytes)
    if (state.compiled.ok && state.compiled.code) files.emplace_back("this program (as pylife compile writes it)", &program_pyc_);
    for (const auto& e : state.run.imports()) {
      if (e.pyc.empty()) continue;
      files.emplace_back(e.name + ": " + base_name(e.path) + " (" + events::stage_name(e.stage) + ")", &e.pyc);
    }
    if (files.empty()) {
      ImGui::TextDisabled("(the program does not compile: no bytecode to store)");
      return;
    }
    chosen_ = std::min(chosen_, files.size() - 1);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##file", files[chosen_].first.c_str())) {
      for (size_t i = 0; i < files.size(); ++i) {
        if (ImGui::Selectable(files[i].first.c_str(), i == chosen_)) chosen_ = i;
      }
      ImGui::EndCombo();
    }
    const std::string& bytes = *files[chosen_].second;
    if (bytes != bytes_) {  // a memcmp of a few KiB a frame
      bytes_ = bytes;
      read_ = pyc::read_pyc(bytes_, true);
      best_ = innermost(read_.spans, bytes_.size());
    }
    const bool main_program = chosen_ == 0 && state.compiled.ok;
    // The header on one line (its fields, one a line, in the tooltip).
    std::string header = pyc::describe_header(read_.header);
    std::string brief = header;
    std::replace(brief.begin(), brief.end(), '\n', ' ');
    ImGui::TextDisabled("%zu bytes", bytes_.size());
    ImGui::SameLine();
    ImGui::TextUnformatted(brief.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", header.c_str());
    if (!read_.ok) ImGui::TextColored(error_text(), "does not read back: %s", read_.error.c_str());
    ImGui::TextDisabled("(?) colours");
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("header: blue; code objects: purple; their int fields: violet; instructions: green;\n"
                        "strings and bytes: orange; numbers: teal; tuples: grey; back-references (TYPE_REF): red;\n"
                        "pylife's check trailer: indigo.  Hover a byte for everything it belongs to.");
    }
    draw_hex(state, main_program);
  }

 private:
  size_t chosen_ = 0;
  std::shared_ptr<compile::CodeObject> program_code_;  // the program program_pyc_ was made from
  std::string program_pyc_;
  std::string bytes_;  // the file shown
  pyc::ReadResult read_;
  std::vector<int> best_;  // per byte: the index of the smallest span holding it, or -1

  static std::vector<int> innermost(const std::vector<pyc::Span>& spans, size_t size) {
    std::vector<int> best(size, -1);
    for (size_t i = 0; i < spans.size(); ++i) {
      const auto& s = spans[i];
      for (uint32_t b = s.begin; b < s.end && b < size; ++b) {
        int& cur = best[b];
        if (cur < 0 || spans[static_cast<size_t>(cur)].end - spans[static_cast<size_t>(cur)].begin >= s.end - s.begin) {
          cur = static_cast<int>(i);
        }
      }
    }
    return best;
  }

  // The instruction [s] is, when it is one of the main program's.
  const compile::CodeObject* instruction_code(const pyc::Span& s) const {
    if (s.instr_offset < 0 || s.code_index < 0 || static_cast<size_t>(s.code_index) >= read_.codes.size()) return nullptr;
    return read_.codes[static_cast<size_t>(s.code_index)].get();
  }

  void draw_hex(AppState& state, bool main_program) {
    const float cell = ImGui::CalcTextSize("00").x + 6.0f;
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    // 16 bytes a row when they fit next to the offsets, else 8.
    const float offset_w = ImGui::CalcTextSize("0000 ").x;
    const int per_row = ImGui::GetContentRegionAvail().x >= offset_w + cell * 16 ? 16 : 8;
    ImGui::BeginChild("hex", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const size_t rows = (bytes_.size() + static_cast<size_t>(per_row) - 1) / static_cast<size_t>(per_row);
    int hovered = -1;
    // The bytes of the instruction the Bytecode panel points at.
    int linked = -1;
    if (main_program && state.highlight_offset >= 0) {
      for (size_t i = 0; i < read_.spans.size(); ++i) {
        const compile::CodeObject* c = instruction_code(read_.spans[i]);
        if (c && c->qualname == state.highlight_code && read_.spans[i].instr_offset == state.highlight_offset) {
          linked = static_cast<int>(i);
        }
      }
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows), row_h);
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        ImGui::TextDisabled("%04x", r * per_row);
        ImGui::SameLine();
        ImVec2 origin = ImGui::GetCursorScreenPos();
        for (int c = 0; c < per_row; ++c) {
          size_t b = static_cast<size_t>(r * per_row + c);
          if (b >= bytes_.size()) break;
          ImVec2 p0(origin.x + static_cast<float>(c) * cell, origin.y);
          ImVec2 p1(p0.x + cell - 2.0f, p0.y + row_h - 1.0f);
          int si = best_[b];
          ImU32 bg = si >= 0 ? span_colour(read_.spans[static_cast<size_t>(si)].kind) : IM_COL32(60, 60, 60, 255);
          dl->AddRectFilled(p0, p1, bg);
          if (linked >= 0 && b >= read_.spans[static_cast<size_t>(linked)].begin &&
              b < read_.spans[static_cast<size_t>(linked)].end) {
            dl->AddRect(p0, p1, IM_COL32(255, 255, 255, 255), 0.0f, 0, 2.0f);
          }
          char hex[3];
          std::snprintf(hex, sizeof hex, "%02x", static_cast<uint8_t>(bytes_[b]));
          dl->AddText(ImVec2(p0.x + 3.0f, p0.y), IM_COL32(255, 255, 255, 255), hex);
          if (ImGui::IsMouseHoveringRect(p0, p1) && ImGui::IsWindowHovered()) hovered = static_cast<int>(b);
        }
        // The ASCII column.
        std::string ascii;
        const auto first = static_cast<size_t>(r * per_row);
        for (size_t b = first; b < std::min(bytes_.size(), first + static_cast<size_t>(per_row)); ++b) {
          auto ch = static_cast<unsigned char>(bytes_[b]);
          ascii.push_back(ch >= 32 && ch < 127 ? static_cast<char>(ch) : '.');
        }
        ImGui::Dummy(ImVec2(cell * static_cast<float>(per_row), row_h - ImGui::GetStyle().ItemSpacing.y));
        ImGui::SameLine();
        ImGui::TextDisabled("%s", ascii.c_str());
      }
    }
    if (hovered >= 0) describe_byte(state, static_cast<size_t>(hovered), main_program);
    ImGui::EndChild();
  }

  // The tooltip of byte [b]: every span around it, outermost first.
  void describe_byte(AppState& state, size_t b, bool main_program) {
    std::vector<const pyc::Span*> around;
    for (const auto& s : read_.spans) {
      if (b >= s.begin && b < s.end) around.push_back(&s);
    }
    std::stable_sort(around.begin(), around.end(),
                     [](const pyc::Span* x, const pyc::Span* y) { return x->end - x->begin > y->end - y->begin; });
    std::string text = "byte " + std::to_string(b) + " = 0x";
    char hex[4];
    std::snprintf(hex, sizeof hex, "%02x", static_cast<uint8_t>(bytes_[b]));
    text += hex;
    for (size_t i = 0; i < around.size(); ++i) {
      text += "\n" + std::string(2 * i, ' ') + around[i]->what + "  [" + std::to_string(around[i]->begin) + ", " +
              std::to_string(around[i]->end) + ")";
    }
    ImGui::SetTooltip("%s", text.c_str());
    if (around.empty()) return;
    const pyc::Span& inner = *around.back();
    if (const compile::CodeObject* c = instruction_code(inner); c && main_program) {
      state.linked_code = c->qualname;
      state.linked_offset = inner.instr_offset;
      size_t unit = static_cast<size_t>(inner.instr_offset) / 2;
      if (unit < c->positions.size()) {
        const auto& p = c->positions[unit];
        state.hovered_span = state.span_of(p.line, p.col, p.end_line, p.end_col);
        if (p.line > 0) state.hovered_line = p.line;
      }
    }
  }
};

// ---- exit ------------------------------------------------------------------------------------

constexpr const char* kExplanation =
    "After the last instruction CPython runs the atexit callbacks (last registered first),\n"
    "flushes the output, then tears the modules down: each is replaced by None in sys.modules\n"
    "(a module nothing else holds dies there), sys.modules forgets them, a full collection\n"
    "frees the cycles, the globals of modules still alive are set to None (names with one\n"
    "leading underscore first), and a second collection takes what that freed.";

class ExitPanel final : public Panel {
 public:
  const char* title() const override { return "Exit"; }
  void draw(AppState& state) override {
    RunModel& run = state.run;
    if (!run.ready()) {
      ImGui::TextDisabled("(nothing has run)");
      return;
    }
    if (!run.finished()) {
      ImGui::TextDisabled("The program is at step %llu of %llu; this is what happens after its last one.",
                          static_cast<unsigned long long>(run.step()), static_cast<unsigned long long>(run.total()));
      ImGui::SameLine();
      if (ImGui::SmallButton("go to the end")) run.seek(run.total() + 1);
    }
    int code = run.exit_code();
    ImGui::Text("exit code %d", code);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", code == 0 ? "(success)"
                              : run.stopped_by_budget() ? "(stopped: the step budget ran out)"
                                                        : "(an uncaught exception or sys.exit with an error)");
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", kExplanation);
    ImGui::SameLine();
    // The teardown plays row by row once the run reaches its end.
    const auto& rows = run.teardown();
    if (run.finished() && !was_finished_) started_ = state.now;
    was_finished_ = run.finished();
    if (ImGui::SmallButton("replay")) started_ = state.now;
    size_t shown = rows.size();
    if (run.finished() && started_ >= 0) {
      shown = std::min(rows.size(), static_cast<size_t>((state.now - started_) / kRowSeconds) + 1);
    }
    ImGui::Separator();
    if (ImGui::BeginTable("teardown", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      ImGui::TableSetupColumn("stage");
      ImGui::TableSetupColumn("what");
      ImGui::TableSetupColumn("detail", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableHeadersRow();
      for (size_t i = 0; i < shown; ++i) {
        const auto& t = rows[i];
        ImGui::TableNextRow();
        bool playing = run.finished() && state.now - started_ < kRowSeconds * static_cast<double>(rows.size());
        if (playing && i + 1 == shown) {
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(60, 80, 130, 255));  // the step being shown
        }
        ImGui::TableNextColumn();
        ImGui::TextColored(t.stage == events::Teardown::Stage::kCollected ? ImVec4(0.55f, 0.80f, 1.0f, 1.0f)
                                                                         : ImGui::GetStyleColorVec4(ImGuiCol_Text),
                           "%s", events::stage_name(t.stage));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", t.detail.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.detail.c_str());
      }
      ImGui::EndTable();
    }
    if (ImGui::SmallButton("the collections in the GC panel")) state.raise_panel = "GC";
  }

 private:
  static constexpr double kRowSeconds = 0.6;  // the animation: one teardown step a while
  double started_ = -1.0;                     // when it started (-1: never)
  bool was_finished_ = false;
};

}  // namespace

std::unique_ptr<Panel> make_imports_panel() { return std::make_unique<ImportsPanel>(); }
std::unique_ptr<Panel> make_pyc_panel() { return std::make_unique<PycPanel>(); }
std::unique_ptr<Panel> make_exit_panel() { return std::make_unique<ExitPanel>(); }

}  // namespace pylife::ui
