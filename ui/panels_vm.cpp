// The panels of the running program: the program text with breakpoints and
// the current line, the VM (operand stack and frames), the heap (objects,
// references, refcounts), the output, and the timeline bar.  Everything
// they show comes from AppState::run (a trace::Session underneath).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "app.h"
#include "imgui.h"
#include "style.h"
#include "pylife/heap_view.h"
#include "pylife/unicode.h"

namespace pylife::ui {

namespace {

using Change = trace::Session::Change;

const ImU32 kPushColour = IM_COL32(90, 200, 120, 255);
const ImU32 kPopColour = IM_COL32(235, 120, 90, 255);
const ImU32 kCycleColour = IM_COL32(240, 90, 110, 255);

ImU32 with_alpha(ImU32 c, float a) {
  return (c & 0x00FFFFFFu) | (static_cast<ImU32>(std::clamp(a, 0.0f, 1.0f) * 255.0f) << IM_COL32_A_SHIFT);
}

// Code points in the first [bytes] bytes of [s] (columns are UTF-8 bytes).
int code_points(std::string_view s, int bytes) {
  int n = 0;
  for (int i = 0; i < bytes && i < static_cast<int>(s.size()); ++i) {
    if ((static_cast<unsigned char>(s[static_cast<size_t>(i)]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// A scalar is drawn inline, not as a box of its own (as Python Tutor does).
using trace::is_scalar;

// ---- Program: the source with breakpoints and the line running ----------------------

class ProgramPanel final : public Panel {
 public:
  const char* title() const override { return "Program"; }
  void draw(AppState& state) override {
    if (!state.decoded.ok) {
      ImGui::TextColored(error_text(), "SyntaxError: %s", state.decoded.error.message.c_str());
      return;
    }
    const auto& lines = state.lines;
    ImGui::TextDisabled("%s, %zu lines  (click the gutter for a breakpoint)", state.decoded.source.encoding.c_str(),
                        lines.size());
    const auto& run = state.run;
    const RunMarks marks = run_marks(run);
    int current = marks.next > 0 ? marks.next : -1;
    const Span error = state.syntax_error_span();
    ImGui::BeginChild("source", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float lh = ImGui::GetTextLineHeightWithSpacing();
    // A glyph's advance (CalcTextSize rounds up to whole pixels).
    const float cw = char_advance();
    const float gutter = cw * 6.0f;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines.size()), lh);
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        int line_no = i + 1;
        std::string_view line = lines[static_cast<size_t>(i)];
        ImVec2 at = ImGui::GetCursorScreenPos();
        float width = std::max(ImGui::GetContentRegionAvail().x, gutter + cw * static_cast<float>(line.size() + 2));
        if (line_no == current) {
          dl->AddRectFilled(at, ImVec2(at.x + width, at.y + lh), marks.raising ? raising_line_colour() : running_line_colour());
        } else if (line_no == marks.last) {
          dl->AddRectFilled(at, ImVec2(at.x + width, at.y + lh), just_ran_colour());
        } else if (line_no == state.highlight_line) {
          dl->AddRectFilled(at, ImVec2(at.x + width, at.y + lh), hover_line_colour());
        }
        // The hovered token / node / instruction, and the AST node selected.
        float xbase = at.x + gutter;
        auto x_at = [&](int c) { return xbase + cw * static_cast<float>(c); };
        int length = static_cast<int>(line.size());
        draw_span(dl, state.selected_span, line_no, length, at.y, lh, x_at, IM_COL32(110, 60, 140, 200));
        draw_span(dl, state.highlight_span, line_no, length, at.y, lh, x_at, IM_COL32(200, 160, 60, 110));
        // Gutter: breakpoint dot and line number; a click toggles.
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("bp", ImVec2(gutter, lh))) state.run.toggle_breakpoint(line_no);
        bool gutter_hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        ImVec2 dot(at.x + cw * 0.9f, at.y + lh * 0.5f);
        if (run.breakpoints().count(line_no)) {
          dl->AddCircleFilled(dot, lh * 0.3f, IM_COL32(220, 60, 60, 255));
        } else if (gutter_hovered) {
          dl->AddCircle(dot, lh * 0.3f, IM_COL32(220, 60, 60, 160));
        }
        char num[16];
        std::snprintf(num, sizeof num, "%4d", line_no);
        dl->AddText(ImVec2(at.x + cw * 1.6f, at.y), line_number_colour(), num);
        if (line_no == current) dl->AddText(ImVec2(at.x + gutter - cw * 1.2f, at.y), next_marker(), "\u25B6");
        if (line_no == marks.last) dl->AddText(ImVec2(at.x + gutter - cw * 1.2f, at.y), just_ran_marker(), "\u25B7");
        // The text, then each token over it in its colour.
        float x0 = at.x + gutter;
        dl->AddText(ImVec2(x0, at.y), ImGui::GetColorU32(ImGuiCol_Text), line.data(), line.data() + line.size());
        for (const lex::Token* t : state.line_tokens[static_cast<size_t>(line_no)]) {
          ImVec4 c = token_colour(t->type);
          if (t->type == lex::TokenType::NAME && is_keyword(t->text)) c = keyword_colour();
          dl->AddText(ImVec2(x0 + cw * static_cast<float>(t->start.col), at.y), ImGui::GetColorU32(c),
                      t->text.data(), t->text.data() + t->text.size());
        }
        // The running instruction's span, underlined.
        if (line_no == current && marks.span_line == current) {
          int c0 = code_points(line, run.at().col);
          int c1 = run.at().end_line == current ? code_points(line, run.at().end_col) : static_cast<int>(line.size());
          float y = at.y + lh - 2.0f;
          dl->AddLine(ImVec2(x0 + cw * static_cast<float>(c0), y), ImVec2(x0 + cw * static_cast<float>(std::max(c1, c0 + 1)), y),
                      IM_COL32(255, 210, 90, 255), 2.0f);
        }
        // A syntax error: a red wave under the place CPython points at.
        if (line_no == error.line) {
          draw_error_wave(dl, x_at(error.col), x_at(error.end_col), at.y + lh - 3.0f);
        }
        ImGui::SameLine();
        ImGui::Dummy(ImVec2(width - gutter, lh));
        if (ImGui::IsItemHovered()) {
          state.hovered_line = line_no;
          state.pointer_line = line_no;
          state.pointer_col = static_cast<int>((ImGui::GetIO().MousePos.x - x0) / cw);
        }
        if (line_no == current && state.step_changed) ImGui::SetScrollHereY(0.4f);
      }
    }
    if (!error.empty()) {
      ImGui::Spacing();
      ImGui::PushStyleColor(ImGuiCol_Text, error_text());
      ImGui::TextUnformatted(parse::format_error(state.parsed.error, state.filename).c_str());
      ImGui::PopStyleColor();
    }
    ImGui::EndChild();
  }
};

// ---- VM: the operand stack and the frame stack ----------------------------------

class VmPanel final : public Panel {
 public:
  const char* title() const override { return "VM"; }
  void draw(AppState& state) override {
    const RunModel& run = state.run;
    if (!run.ready()) {
      ImGui::TextDisabled("(the program runs once it compiles)");
      return;
    }
    const auto& at = run.at();
    if (at.finished) {
      ImGui::Text("The program ended after %llu instructions: exit code %d",
                  static_cast<unsigned long long>(run.total()), run.exit_code());
      if (run.stopped_by_budget()) {
        ImGui::TextColored(warning_text(), "(stopped at the step budget: it may never end)");
      }
      ImGui::TextDisabled("All frames have been popped; the module's objects are released.");
      return;
    }
    ImGui::Text("step %llu:", static_cast<unsigned long long>(at.step));
    ImGui::SameLine();
    ImGui::TextColored(themed(ImVec4(0.55f, 0.80f, 1.0f, 1.0f)), "%s", at.opname.c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted(at.argrepr.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s, line %d, offset %d)", at.code.c_str(), at.line, at.offset);
    ImGui::TextWrapped("%s", explain_opcode(at.opname));
    ImGui::Separator();
    float t = state.since_step();
    int depth = static_cast<int>(at.frames.size());
    // The operand stack of the running frame, top first.
    ImGui::TextDisabled("operand stack of %s", at.frames.empty() ? "?" : at.frames[0].code.c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float box_w = std::min(ImGui::GetContentRegionAvail().x, 20.0f * ImGui::GetFontSize());
    const float box_h = ImGui::GetTextLineHeightWithSpacing() + 6.0f;
    // Popped by the last step: ghosts fading out above the stack.
    for (const Change& c : at.changes) {
      if (c.kind != Change::Kind::kPop || c.depth != depth || t >= 1.0f) continue;
      ImVec2 p = ImGui::GetCursorScreenPos();
      p.x += 20.0f * t;
      dl->AddRect(p, ImVec2(p.x + box_w, p.y + box_h), with_alpha(kPopColour, 1.0f - t), 4.0f);
      std::string label = "popped  " + c.text;
      dl->AddText(ImVec2(p.x + 8, p.y + 3), with_alpha(kPopColour, 1.0f - t), label.c_str());
      ImGui::Dummy(ImVec2(box_w, box_h + 2));
    }
    if (!at.frames.empty()) {
      const auto& stack = at.frames[0].stack;
      if (stack.empty()) ImGui::TextDisabled("  (empty)");
      for (size_t k = stack.size(); k-- > 0;) {
        const auto& v = stack[k];
        bool pushed = false;
        for (const Change& c : at.changes) {
          if (c.kind == Change::Kind::kPush && c.depth == depth && c.position == static_cast<int>(k)) pushed = true;
        }
        ImVec2 p = ImGui::GetCursorScreenPos();
        p.x += pushed ? (1.0f - t) * 40.0f : 0.0f;  // slides in from the right
        ImU32 border = pushed ? with_alpha(kPushColour, 0.4f + 0.6f * (1.0f - t)) : box_border();
        dl->AddRectFilled(p, ImVec2(p.x + box_w, p.y + box_h), box_fill(), 4.0f);
        dl->AddRect(p, ImVec2(p.x + box_w, p.y + box_h), border, 4.0f, 0, pushed ? 2.0f : 1.0f);
        std::string type = v.type + (k + 1 == stack.size() ? "  \u2190 top" : "");
        float tw = ImGui::CalcTextSize(type.c_str()).x;
        dl->AddText(ImVec2(p.x + box_w - tw - 8, p.y + 3), muted_text(), type.c_str());
        // The value, cut short before the type if it is long.
        dl->PushClipRect(p, ImVec2(p.x + std::max(box_w - tw - 16, 20.0f), p.y + box_h), true);
        dl->AddText(ImVec2(p.x + 8, p.y + 3), box_text(), v.repr.c_str());
        dl->PopClipRect();
        ImGui::Dummy(ImVec2(box_w, box_h + 2));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s  (refcount %lld)", v.repr.c_str(), static_cast<long long>(v.refcount));
      }
    }
    ImGui::Separator();
    // The frame stack, the running frame on top.
    ImGui::TextDisabled("frames (%d)", depth);
    bool called = false;
    for (const Change& c : at.changes) called = called || c.kind == Change::Kind::kCall;
    for (size_t i = 0; i < at.frames.size(); ++i) {
      const auto& f = at.frames[i];
      ImGui::PushID(static_cast<int>(i));
      if (i == 0 && called && t < 1.0f) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (1.0f - t) * 40.0f);
      ImGui::PushStyleColor(ImGuiCol_Header, i == 0 ? ImVec4(0.20f, 0.32f, 0.55f, 1.0f) : ImVec4(0.22f, 0.24f, 0.28f, 1.0f));
      std::string head = f.code + "  line " + std::to_string(f.line) + (i == 0 ? "   (running)" : "");
      bool open = ImGui::CollapsingHeader(head.c_str(), i < 2 ? ImGuiTreeNodeFlags_DefaultOpen : 0);
      ImGui::PopStyleColor();
      if (ImGui::IsItemHovered()) state.hovered_line = f.line;
      if (open) {
        if (f.locals.empty()) ImGui::TextDisabled("    (no variables yet)");
        if (!f.locals.empty() && ImGui::BeginTable("locals", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
          for (const auto& [name, v] : f.locals) {
            ImGui::TableNextRow();
            bool stored = false;
            for (const Change& c : at.changes) {
              stored = stored || (c.kind == Change::Kind::kStore && c.text == name && c.depth == depth - static_cast<int>(i));
            }
            if (stored) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, with_alpha(kPushColour, 0.5f * (1.0f - t) + 0.15f));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(v.repr.c_str());
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s  rc %lld", v.type.c_str(), static_cast<long long>(v.refcount));
          }
          ImGui::EndTable();
        }
      }
      ImGui::PopID();
    }
  }
};

// ---- Heap: objects, references and refcounts --------------------------------------

class HeapPanel final : public Panel {
  static constexpr size_t kRowsShown = 8;  // rows of a box before "... N more"

 public:
  const char* title() const override { return "Heap"; }
  void draw(AppState& state) override {
    const RunModel& run = state.run;
    if (!run.ready() || run.finished()) {
      ImGui::TextDisabled(run.ready() ? "(the program has ended: its objects are gone)" : "(nothing runs yet)");
      return;
    }
    const auto& at = run.at();
    float t = state.since_step(0.6);
    ImGui::BeginChild("heap", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float lh = ImGui::GetTextLineHeightWithSpacing();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float k = ImGui::GetFontSize() / 16.0f;  // sizes follow the UI scale
    const float vars_w = std::max(150.0f * k, avail * 0.32f);
    // Frames: one row per variable; scalars inline, objects by arrow.
    struct Anchor {
      ImVec2 from;
      uint64_t to;
    };
    std::vector<Anchor> arrows;
    struct RowArrow {
      ImVec2 from;
      uint64_t to, owner;
    };
    std::vector<RowArrow> row_arrows;  // from a box's row to the object it names
    // The model `pylife heap` prints too (pylife/heap_view.h).
    const trace::HeapView view = trace::heap_view(at.frames, at.heap, state.internals);
    float y = origin.y;
    // Newest first, as the VM panel: the running frame on top, in view.
    for (const auto& f : view.frames) {
      const bool running = &f == &view.frames.front() && view.frames.size() > 1;
      // A nested function by its own name (its qualified name's last part).
      const std::string short_name = f.code.substr(f.code.rfind('.') == std::string::npos ? 0 : f.code.rfind('.') + 1);
      std::string head = f.code == "<module>" ? "Global frame" : short_name + "  (depth " + std::to_string(f.depth) + ")";
      dl->PushClipRect(ImVec2(origin.x, y), ImVec2(origin.x + vars_w - 14.0f * k, y + lh), true);
      dl->AddText(ImVec2(origin.x, y), running ? box_head() : themed(IM_COL32(150, 170, 210, 255)), head.c_str());
      dl->PopClipRect();
      y += lh;
      for (const auto& n : f.names) {
        dl->AddText(ImVec2(origin.x + 10, y), ImGui::GetColorU32(ImGuiCol_Text), n.label.c_str());
        if (!n.target) {
          dl->AddText(ImVec2(origin.x + vars_w * 0.45f, y), themed(IM_COL32(180, 220, 160, 255)), n.text.c_str());
        } else {
          ImVec2 dot(origin.x + vars_w - 8, y + lh * 0.5f);
          dl->AddCircleFilled(dot, 3.5f * k, IM_COL32(120, 180, 255, 255));
          arrows.push_back({dot, n.target});
        }
        y += lh;
      }
      y += lh * 0.5f;
    }
    float frames_bottom = y;
    // Objects: boxes in rows, in the order the frames reach them.
    std::map<uint64_t, ImVec4> box;  // x0, y0, x1, y1
    float bx = origin.x + vars_w + 30.0f * k, by = origin.y;
    // As many columns of boxes as fit, each at least 150 wide (at scale 1).
    const float gap = 24.0f * k;
    const float objects_w = std::max(150.0f * k, avail - vars_w - 30.0f * k);
    const int columns = std::max(1, static_cast<int>((objects_w + gap) / (150.0f * k + gap)));
    const float box_w = std::min(260.0f * k, (objects_w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    float row_h = 0.0f;
    int column = 0;
    for (const auto& b : view.boxes) {
      const auto& rows = b.rows;
      const size_t more = rows.size() > kRowsShown ? rows.size() - kRowsShown + b.more : b.more;
      // The head, then the rows (or the repr, one line), never clipped.
      float hgt = lh * (1.6f + static_cast<float>(std::clamp<size_t>(rows.size(), 1, kRowsShown)) + (more ? 1.0f : 0.0f));
      if (column == columns) {
        column = 0;
        bx = origin.x + vars_w + 30.0f * k;
        by += row_h + 18.0f * k;
        row_h = 0.0f;
      }
      ImVec2 p0(bx, by), p1(bx + box_w, by + hgt);
      box[b.value.id] = ImVec4(p0.x, p0.y, p1.x, p1.y);
      dl->PushClipRect(p0, p1, true);  // long reprs stay inside their box
      dl->AddRectFilled(p0, p1, box_fill(), 5.0f);
      // On a reference cycle: outlined red (only the collector frees it).
      if (b.in_cycle) dl->AddRect(p0, p1, kCycleColour, 5.0f, 0, 2.5f);
      else dl->AddRect(p0, p1, box_border(), 5.0f);
      std::string head = b.title;
      if (b.generation >= 0 && state.internals) head += "  g" + std::to_string(b.generation);
      // The type's name stops short of the refcount badge.
      const std::string rc = "rc " + std::to_string(b.value.refcount) + (b.value.immortal ? "+" : "");
      const float rw = ImGui::CalcTextSize(rc.c_str()).x + 10.0f;
      dl->PushClipRect(p0, ImVec2(std::max(p0.x, p1.x - rw - 8), p1.y), true);
      dl->AddText(ImVec2(p0.x + 6, p0.y + 3), box_head(), head.c_str());
      dl->PopClipRect();
      if (ImGui::IsMouseHoveringRect(p0, p1)) {
        ImGui::SetTooltip("%s%s\nrc: its reference count, the references to it from names, objects and the VM%s%s",
                          b.value.type.c_str(),
                          b.generation >= 0 ? (", generation " + std::to_string(b.generation) + " of the collector").c_str()
                                            : ", not tracked by the collector",
                          b.value.immortal ? "\nbuilt in: the VM holds it for good (not counted) and never frees it" : "",
                          b.in_cycle ? "\non a reference cycle: its refcount cannot reach 0 by itself" : "");
      }
      // The refcount badge, flashing on a change in the last step.
      ImU32 badge = IM_COL32(80, 85, 100, 255);
      for (const Change& c : at.changes) {
        if (c.id != b.value.id) continue;
        if (c.kind == Change::Kind::kIncref) badge = with_alpha(kPushColour, 0.35f + 0.65f * (1.0f - t));
        if (c.kind == Change::Kind::kDecref) badge = with_alpha(kPopColour, 0.35f + 0.65f * (1.0f - t));
        if (c.kind == Change::Kind::kAlloc) badge = with_alpha(IM_COL32(240, 200, 80, 255), 0.35f + 0.65f * (1.0f - t));
      }
      dl->AddRectFilled(ImVec2(p1.x - rw - 4, p0.y + 2), ImVec2(p1.x - 4, p0.y + lh), badge, 6.0f);
      dl->AddText(ImVec2(p1.x - rw + 1, p0.y + 3), IM_COL32(255, 255, 255, 255), rc.c_str());
      float ry = p0.y + lh * 1.3f;
      if (rows.empty()) {
        dl->AddText(ImVec2(p0.x + 6, ry), box_text(), b.value.repr.c_str());
      }
      // Labels in a column as wide as the widest (at most 45% of the box).
      float label_w = 0.0f;
      for (size_t r = 0; r < rows.size() && r < kRowsShown; ++r) {
        if (!rows[r].label.empty()) label_w = std::max(label_w, ImGui::CalcTextSize(rows[r].label.c_str()).x);
      }
      label_w = std::min(label_w, box_w * 0.45f);
      const float value_x = p0.x + 10 + (label_w > 0 ? label_w + 12.0f * k : 0.0f);
      for (size_t r = 0; r < rows.size() && r < kRowsShown; ++r) {
        if (!rows[r].label.empty()) {
          dl->PushClipRect(p0, ImVec2(p0.x + 10 + label_w, p1.y), true);
          dl->AddText(ImVec2(p0.x + 10, ry), muted_text(), rows[r].label.c_str());
          dl->PopClipRect();
        }
        if (rows[r].target) {
          ImVec2 dot(value_x + 4.0f * k, ry + lh * 0.5f);
          dl->AddCircleFilled(dot, 3.5f * k, IM_COL32(230, 180, 90, 255));
          row_arrows.push_back({dot, rows[r].target, b.value.id});
        } else {
          dl->AddText(ImVec2(value_x, ry), box_value(), rows[r].text.c_str());
        }
        ry += lh;
      }
      if (more) dl->AddText(ImVec2(p0.x + 10, ry), muted_text(), ("... " + std::to_string(more) + " more").c_str());
      dl->PopClipRect();
      row_h = std::max(row_h, hgt);
      bx += box_w + gap;
      ++column;
    }
    float objects_bottom = by + row_h;
    // Freed in the last step: a ghost fading out under the boxes.
    float gy = objects_bottom + 14.0f;
    for (const Change& c : at.changes) {
      if (c.kind != Change::Kind::kFree || is_scalar(c.type) || t >= 1.0f) continue;
      std::string label = "freed: " + c.type + (at.collection ? " (by the cycle collector)" : " (its refcount reached 0)");
      dl->AddText(ImVec2(origin.x + vars_w + 30.0f, gy), with_alpha(kPopColour, 1.0f - t), label.c_str());
      gy += lh;
    }
    // Arrows: from variables and from containers to the objects they refer to.
    auto arrow = [&](ImVec2 a, const ImVec4& b, ImU32 colour) {
      ImVec2 to(b.x, b.y + lh * 0.5f);
      float dx = std::max(30.0f, std::fabs(to.x - a.x) * 0.5f);
      dl->AddBezierCubic(a, ImVec2(a.x + dx, a.y), ImVec2(to.x - dx, to.y), to, colour, 1.6f);
      dl->AddTriangleFilled(to, ImVec2(to.x - 7, to.y - 4), ImVec2(to.x - 7, to.y + 4), colour);
    };
    // Between boxes: from the left edge, looping out to the left, when the
    // target is not to the right (a box's column, or one before it).
    auto box_arrow = [&](const ImVec4& from, const ImVec4& b, ImU32 colour) {
      if (b.x > from.z) {
        arrow(ImVec2(from.z, from.y + lh * 0.5f), b, colour);
        return;
      }
      ImVec2 a(from.x, from.y + lh * 0.5f), to(b.x, b.y + lh * 0.5f);
      float out = 26.0f + std::fabs(a.x - to.x) * 0.3f;
      dl->AddBezierCubic(a, ImVec2(a.x - out, a.y), ImVec2(to.x - out, to.y), to, colour, 1.6f);
      dl->AddTriangleFilled(to, ImVec2(to.x - 7, to.y - 4), ImVec2(to.x - 7, to.y + 4), colour);
    };
    for (const auto& a : arrows) {
      auto it = box.find(a.to);
      if (it != box.end()) arrow(a.from, it->second, IM_COL32(120, 180, 255, 220));
    }
    std::set<std::pair<uint64_t, uint64_t>> from_rows;  // (owner, target) drawn from a row
    for (const auto& a : row_arrows) {
      auto to = box.find(a.to);
      if (to == box.end()) continue;
      from_rows.insert({a.owner, a.to});
      const auto& fb = box[a.owner];
      const trace::HeapView::Box* owner = view.box(a.owner);
      const trace::HeapView::Box* target = view.box(a.to);
      bool cyclic = owner && owner->in_cycle && target && target->in_cycle;
      const ImU32 colour = cyclic ? kCycleColour : IM_COL32(230, 180, 90, 210);
      if (to->second.x > fb.z || a.to == a.owner) {
        if (a.to == a.owner) {
          // To itself: out of the right edge and back into the head.
          ImVec2 end(fb.z, fb.y + lh * 0.5f);
          dl->AddBezierCubic(a.from, ImVec2(fb.z + 30.0f * k, a.from.y), ImVec2(fb.z + 30.0f * k, end.y), end, colour, 1.6f);
          continue;
        }
        arrow(a.from, to->second, colour);
      } else {
        ImVec2 start(a.from.x, a.from.y), end(to->second.x, to->second.y + lh * 0.5f);
        float out = 26.0f * k + std::fabs(start.x - end.x) * 0.3f;
        dl->AddBezierCubic(start, ImVec2(fb.x - out, start.y), ImVec2(end.x - out, end.y), end, colour, 1.6f);
        dl->AddTriangleFilled(end, ImVec2(end.x - 7, end.y - 4), ImVec2(end.x - 7, end.y + 4), colour);
      }
    }
    for (const auto& b : view.boxes) {
      auto from = box.find(b.value.id);
      if (from == box.end()) continue;
      for (uint64_t r : b.other_refs) {
        auto to = box.find(r);
        if (to == box.end() || from_rows.count({b.value.id, r})) continue;
        const trace::HeapView::Box* target = view.box(r);
        bool cyclic = b.in_cycle && target && target->in_cycle;
        box_arrow(from->second, to->second, cyclic ? kCycleColour : IM_COL32(230, 180, 90, 200));
      }
    }
    ImGui::Dummy(ImVec2(avail, std::max(frames_bottom, gy) - origin.y + lh));
    ImGui::EndChild();
  }
};

// ---- Output ---------------------------------------------------------------------

class OutputPanel final : public Panel {
 public:
  const char* title() const override { return "Output"; }
  void draw(AppState& state) override {
    RunModel& run = state.run;
    draw_stdin_box(state);
    if (!run.ready()) {
      ImGui::TextDisabled("(nothing has run)");
      return;
    }
    // At the last step: everything the run wrote (the teardown's output
    // and an uncaught exception's traceback too).
    const bool waiting = run.waiting_for_input();
    const bool at_end = run.by_line() ? run.length() > 0 && run.position() == run.length() : run.finished();
    std::string out = at_end ? run.final_output() : run.at().output;
    // input() found no line: not an error, it waits (the EOFError the run
    // ended with is not shown); the prompt stays, the answer goes after it.
    if (waiting && at_end) {
      size_t cut = out.rfind("Traceback (most recent call last):");
      if (cut != std::string::npos) out.resize(cut);
    }
    ImGui::BeginChild("text", ImVec2(0, waiting && !at_end ? -ImGui::GetFrameHeightWithSpacing() * 2 : 0));
    // A traceback, and everything after it, in red.
    size_t tb = out.find("Traceback (most recent call last):");
    if (tb == std::string::npos) tb = out.size();
    // The last line without its newline: where the input field goes.
    size_t last_nl = waiting && at_end ? out.rfind('\n', tb == 0 ? 0 : tb - 1) : std::string::npos;
    size_t body_end = waiting && at_end ? (last_nl == std::string::npos ? 0 : last_nl + 1) : tb;
    ImGui::TextUnformatted(out.data(), out.data() + body_end);
    if (tb < out.size()) {
      ImGui::PushStyleColor(ImGuiCol_Text, error_text());
      ImGui::TextUnformatted(out.data() + tb, out.data() + out.size());
      ImGui::PopStyleColor();
    }
    if (waiting && at_end) {
      // The prompt, then the answer typed after it, as at a terminal.
      std::string_view prompt(out.data() + body_end, out.size() - body_end);
      if (!prompt.empty()) {
        ImGui::TextUnformatted(prompt.data(), prompt.data() + prompt.size());
        ImGui::SameLine(0, 0);
      }
      input_field(state);
      ImGui::TextDisabled("(input() waits for a line: type it and press Enter)");
    } else if (at_end && run.exit_code() != 0) {
      ImGui::TextDisabled("[exit code %d]", run.exit_code());
    } else if (run.finished()) {
      ImGui::TextDisabled("[exit code %d]", run.exit_code());
    }
    if (state.step_changed) ImGui::SetScrollHereY(1.0f);
    ImGui::EndChild();
    if (waiting && !at_end) {
      ImGui::TextDisabled("input() will wait for a line at the last step (%zu typed so far):", run.input().size());
      input_field(state);
    }
  }

 private:
  char line_[256] = {};
  char stdin_[4096] = {};

  // The answers for input() given up front: a button opens a box, one
  // answer a line; when it is left after an edit, the program runs again
  // with them (back at the same step).
  void draw_stdin_box(AppState& state) {
    size_t given = stdin_lines(state.stdin_text).size();
    std::string label = state.show_stdin ? "Hide input lines"
                                         : given ? "Input lines (" + std::to_string(given) + ")" : "Input lines...";
    if (ImGui::SmallButton(label.c_str())) {
      state.show_stdin = !state.show_stdin;
      std::snprintf(stdin_, sizeof stdin_, "%s", state.stdin_text.c_str());
    }
    report_item(state, "stdin toggle");
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("answers for input(), given before the run starts, one a line (as a file piped to stdin)");
    }
    if (!state.show_stdin) return;
    ImGui::TextDisabled("Answers for input(), one a line; the program reads them from the start:");
    ImGui::InputTextMultiline("##stdin lines", stdin_, sizeof stdin_,
                              ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3.6f + ImGui::GetStyle().FramePadding.y * 2));
    report_item(state, "stdin box");
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      state.stdin_text = stdin_;
      if (state.run.ready()) state.run.set_input(stdin_lines(state.stdin_text));
    }
    ImGui::Separator();
  }

  // The text field an answer to input() is typed into; true when one
  // was entered (the program runs again with it, at the same step).
  bool input_field(AppState& state) {
    RunModel& run = state.run;
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 8.0f, ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 5));
    bool enter = ImGui::InputText("##stdin", &line_[0], sizeof line_, ImGuiInputTextFlags_EnterReturnsTrue);
    report_item(state, "input");
    ImGui::SameLine();
    if (ImGui::Button("Enter") || enter) {
      run.add_input(line_);
      line_[0] = 0;
      // On past the line that asked.
      run.step_over();
      return true;
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<Panel> make_program_panel() { return std::make_unique<ProgramPanel>(); }
std::unique_ptr<Panel> make_vm_panel() { return std::make_unique<VmPanel>(); }
std::unique_ptr<Panel> make_heap_panel() { return std::make_unique<HeapPanel>(); }
std::unique_ptr<Panel> make_output_panel() { return std::make_unique<OutputPanel>(); }

// ---- Timeline ---------------------------------------------------------------------

namespace {

// Puts the next item of [width] on this row when it fits, else on the
// next (the bar wraps instead of running off a narrow window).
void flow(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

// A button in the flow of the bar, reported for the layout test.
bool button(AppState& state, const char* label, const char* tip, bool enabled = true, bool first = false) {
  if (!first) flow(button_width(label));
  if (!enabled) ImGui::BeginDisabled();
  bool pressed = ImGui::Button(label);
  if (!enabled) ImGui::EndDisabled();
  report_item(state, label);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tip);
  return pressed;
}

}  // namespace

void draw_timeline(AppState& state) {
  RunModel& run = state.run;
  bool ok = run.ready();
  bool lines = run.by_line();
  const float em = ImGui::GetFontSize();
  // The account of the step, in words.
  if (ok) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    ImGui::TextWrapped("%s", run.narration().c_str());
    ImGui::PopStyleColor();
  }
  if (button(state, "|<", "to the start (Home)", ok, true)) run.to_start();
  if (lines) {
    if (button(state, "Back out", "back to the line that called this function (Ctrl+Shift+F11)", ok)) run.step_back_out();
    if (button(state, "Back over", "back one line in this function (Shift+F10)", ok)) run.step_back_over();
    if (button(state, "Back", "back one step (Left)", ok)) run.step_back_line();
  } else {
    if (button(state, "<<", "back to the previous line (Shift+Left)", ok)) run.step_back_line();
    if (button(state, "<", "back one instruction (Left)", ok)) run.step_back();
  }
  if (button(state, run.playing() ? "Pause" : "Play", "play / pause at the speed set (Space)", ok)) {
    run.set_playing(!run.playing());
  }
  if (lines) {
    if (button(state, "Into", "the next step, into calls (Right, F11)", ok)) run.step_line();
    if (button(state, "Next line", "the next line of this function, over calls (F10)", ok)) run.step_over();
    if (button(state, "Out", "until this function returns (Shift+F11)", ok)) run.step_out();
  } else {
    if (button(state, ">", "one instruction (Right)", ok)) run.step_instruction();
    if (button(state, "Into", "next line, into calls (F11)", ok)) run.step_line();
    if (button(state, "Over", "next line, over calls (F10)", ok)) run.step_over();
    if (button(state, "Out", "until this frame returns (Shift+F11)", ok)) run.step_out();
  }
  if (button(state, "Continue", "run to the next breakpoint, or the end (F5)", ok)) run.run_to_breakpoint();
  if (button(state, ">|", "to the end (End)", ok)) run.to_end();
  if (button(state, lines ? "Steps: lines" : "Steps: instructions",
             lines ? "one step is a line, as Python's debugger and sys.settrace see it; click to step by bytecode "
                     "instruction (I)"
                   : "one step is a bytecode instruction; click to step by line (I)",
             ok)) {
    run.set_granularity(lines ? RunModel::Granularity::kInstruction : RunModel::Granularity::kLine);
  }
  if (button(state, "Ctrl-C", "interrupt the program here, as Ctrl-C does: KeyboardInterrupt is raised before this step "
                              "(handlers, finally blocks and atexit callbacks still run)",
             ok && !run.finished())) {
    run.interrupt_now();
  }
  flow(em * 9.0f);
  float speed = static_cast<float>(run.speed());
  ImGui::SetNextItemWidth(em * 8.5f);
  if (ImGui::SliderFloat("##speed", &speed, 0.5f, 200.0f, "%.1f steps/s", ImGuiSliderFlags_Logarithmic)) {
    run.set_speed(speed);
  }
  report_item(state, "speed");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("playing speed");
  flow(em * 7.0f);
  static char jump[24] = "";
  ImGui::SetNextItemWidth(em * 6.5f);
  if (ImGui::InputTextWithHint("##jump", "go to step", jump, sizeof jump, ImGuiInputTextFlags_EnterReturnsTrue |
                                                                              ImGuiInputTextFlags_CharsDecimal)) {
    uint64_t k = std::strtoull(jump, nullptr, 10);
    if (lines && !run.events().empty()) run.seek_event(k > 0 ? k - 1 : 0);
    else run.seek(k);
    jump[0] = 0;
  }
  report_item(state, "go to step");
  // The scrub slider over the whole run, and where we are in it.
  if (ok) {
    char counter[96];
    std::snprintf(counter, sizeof counter, "%s %llu of %llu", lines ? "step" : "instruction",
                  static_cast<unsigned long long>(run.position()), static_cast<unsigned long long>(run.length()));
    uint64_t at = run.position(), lo = 1, hi = std::max<uint64_t>(1, run.length() + (lines ? 0 : 1));
    if (!lines) at = run.step();
    float counter_w = ImGui::CalcTextSize(counter).x + em;
    ImGui::SetNextItemWidth(
        std::max(em * 8.0f, ImGui::GetContentRegionAvail().x - counter_w - ImGui::GetStyle().ItemSpacing.x));
    if (ImGui::SliderScalar("##scrub", ImGuiDataType_U64, &at, &lo, &hi, lines ? "step %llu" : "instruction %llu")) {
      if (lines) run.seek_event(at - 1);
      else run.seek(at);
    }
    report_item(state, "timeline");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("drag to travel in time; Left/Right step back and on");
    flow(counter_w);
    ImGui::TextUnformatted(counter);
    report_item(state, "counter");
  } else {
    ImGui::TextDisabled("The timeline appears when the program compiles.");
  }
}

void timeline_keys(AppState& state) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !state.run.ready()) return;
  RunModel& run = state.run;
  // ImGui 1.86 names no function keys: the SDL backend (native and web)
  // indexes io.KeysDown by SDL scancode, and these are SDL's.
  constexpr int kF5 = 62, kF10 = 67, kF11 = 68, kI = 12, kHome = 74, kEnd = 77;
  if (ImGui::IsKeyPressed(kF5)) run.run_to_breakpoint();
  if (ImGui::IsKeyPressed(kF10)) {
    if (io.KeyShift) run.step_back_over();
    else run.step_over();
  }
  if (ImGui::IsKeyPressed(kF11)) {
    if (io.KeyShift && io.KeyCtrl) run.step_back_out();
    else if (io.KeyShift) run.step_out();
    else run.step_line();
  }
  if (ImGui::IsKeyPressed(kHome)) run.to_start();
  if (ImGui::IsKeyPressed(kEnd)) run.to_end();
  if (ImGui::IsKeyPressed(kI, false) && !io.KeyCtrl) {
    run.set_granularity(run.by_line() ? RunModel::Granularity::kInstruction : RunModel::Granularity::kLine);
  }
  bool lines = run.by_line();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) {
    if (lines) run.step_line();
    else if (io.KeyShift) run.step_line();
    else run.step_instruction();
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) {
    if (lines) run.step_back_line();
    else if (io.KeyShift) run.step_back_line();
    else run.step_back();
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space))) run.set_playing(!run.playing());
}

}  // namespace pylife::ui
