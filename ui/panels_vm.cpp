// The panels of the running program: the program text with breakpoints and
// the current line, the VM (operand stack and frames), the heap (objects,
// references, refcounts), the output, and the timeline bar.  Everything
// they show comes from AppState::run (a trace::Session underneath).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "app.h"
#include "imgui.h"
#include "style.h"
#include "pylife/heap_layout.h"
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
 public:
  const char* title() const override { return "Heap"; }
  void draw(AppState& state) override {
    const RunModel& run = state.run;
    if (!run.ready() || run.finished()) {
      ImGui::TextDisabled(run.ready() ? "(the program has ended: its objects are gone)" : "(nothing runs yet)");
      return;
    }
    // The two ways of drawing, switched here (and kept in the share link).
    // The bar wraps where the panel is narrow (each item on the line it fits).
    toggle(state, state.heap_objects, "heap values", {"Values: inline", "Values: objects"},
           {"ints, floats and strs written where they are used; click to draw them as objects",
            "ints, floats and strs drawn as objects: two names for one object share its box (try a is b)"});
    next_on_bar(state.heap_ids ? "References: #ids" : "References: arrows");
    toggle(state, state.heap_ids, "heap references", {"References: arrows", "References: #ids"},
           {"a reference drawn as an arrow; click to write #numbers instead",
            "a reference written as the #number of the object it names"});
    // Zoom: smaller to see a big heap whole, larger for a projector; Fit
    // makes the whole picture fit the panel (Ctrl+wheel zooms too; drag
    // the empty background to pan).
    next_on_bar("-");
    if (ImGui::SmallButton("-")) zoom_ = std::max(kMinZoom, zoom_ / 1.25f), fit_ = false;
    report_item(state, "heap zoom out");
    next_on_bar("+");
    if (ImGui::SmallButton("+")) zoom_ = std::min(kMaxZoom, zoom_ * 1.25f), fit_ = false;
    report_item(state, "heap zoom in");
    next_on_bar(fit_ ? "Fit (on)" : "Fit");
    if (ImGui::SmallButton(fit_ ? "Fit (on)" : "Fit")) fit_ = !fit_;
    report_item(state, "heap fit");
    const std::string percent = std::to_string(static_cast<int>(std::lround(zoom_ * 100.0f))) + "%";
    next_on_bar(percent.c_str());
    ImGui::TextDisabled("%s", percent.c_str());
    // Find (a name, type, key, value or #number: the boxes found are
    // outlined and the first scrolled to) and the Summary of live objects.
    next_on_bar(ImGui::GetFontSize() * 8);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    const bool searched = ImGui::InputTextWithHint("##find", "find", find_, sizeof find_);
    report_item(state, "heap find");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("a name, a type, a key or attribute, a value, or #3: the objects found are outlined");
    next_on_bar(summary_ ? "Summary (on)" : "Summary");
    if (ImGui::SmallButton(summary_ ? "Summary (on)" : "Summary")) summary_ = !summary_;
    report_item(state, "heap summary");
    if (summary_) draw_summary(state);
    // (Searched again only when the query or the step's view changes.)
    if (update(state) || searched) found_ = trace::find_boxes(view_, find_);
    if (searched && !found_.empty()) {
      jump_ = flash_ = found_.front();
      jumped_at_ = state.now;
    }

    const float t = state.since_step(0.6);
    ImGui::BeginChild("heap", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (fit_ && layout_.width > 0) {
      const ImVec2 avail = ImGui::GetContentRegionAvail();
      const float whole_w = (layout_.width + 1) * char_advance(), whole_h = (layout_.height + 1) * ImGui::GetTextLineHeightWithSpacing();
      zoom_ = std::clamp(std::min(avail.x / whole_w, avail.y / whole_h), kMinZoom, 1.0f);
    }
    if (ImGui::IsWindowHovered() && ImGui::GetIO().KeyCtrl && ImGui::GetIO().MouseWheel != 0.0f) {
      zoom_ = std::clamp(zoom_ * (ImGui::GetIO().MouseWheel > 0 ? 1.1f : 1.0f / 1.1f), kMinZoom, kMaxZoom);
      fit_ = false;
    }
    if (ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
      const ImVec2 d = ImGui::GetIO().MouseDelta;
      ImGui::SetScrollX(ImGui::GetScrollX() - d.x);
      ImGui::SetScrollY(ImGui::GetScrollY() - d.y);
    }
    const float z = zoom_;
    const float lh = ImGui::GetTextLineHeightWithSpacing() * z, cw = char_advance() * z;
    const float k = ImGui::GetFontSize() * z / 16.0f;  // sizes follow the UI scale and the zoom
    const float font_size = ImGui::GetFontSize() * z;
    // The layout is in cells (pylife/heap_layout.h): one character, one line.
    auto P = [&](float x, float y) { return ImVec2(origin.x + x * cw, origin.y + y * lh); };
    auto text = [&](float x, float y, ImU32 colour, const std::string& s, float cells) {
      const std::string fitted = trace::fit_text(s, cells > 0 ? static_cast<size_t>(cells) : 0);
      dl->AddText(ImGui::GetFont(), font_size, P(x, y), colour, fitted.c_str());
    };
    const trace::HeapView& view = view_;
    const trace::HeapLayout& layout = layout_;
    // Frames: one row per name; scalars inline, objects by arrow.
    for (size_t i = 0; i < view.frames.size(); ++i) {
      const auto& f = view.frames[i];
      const auto& r = layout.frames[i];
      const bool running = i == 0 && view.frames.size() > 1;
      if (running) dl->AddRectFilled(P(r.x, r.y), P(r.right(), r.y + 1.0f), with_alpha(box_head(), 0.14f), 3.0f * k);
      text(r.x + 0.5f, r.y, running ? box_head() : themed(IM_COL32(150, 170, 210, 255)), trace::frame_title(f), r.w - 1);
      if (f.names.empty()) text(r.x + 1, r.y + 1, muted_text(), "(no names yet)", r.w - 1);
      for (size_t n = 0; n < f.names.size(); ++n) {
        const auto& s = f.names[n];
        const float y = layout.frame_row_y(i, static_cast<int>(n)) - 0.5f;
        text(r.x + 1, y, ImGui::GetColorU32(ImGuiCol_Text), s.label, layout.frame_label_w);
        if (!s.target) text(layout.frame_value_x(i), y, box_value(), s.text, r.right() - layout.frame_value_x(i) - 0.5f);
        else if (state.heap_ids) text(layout.frame_value_x(i), y, kFrameArrow, number(s.target), 5);
        else dl->AddCircleFilled(P(layout.frame_value_x(i) + 0.5f, y + 0.5f), 3.5f * k, kFrameArrow);
        if (s.target) reference_clicked(state, P(layout.frame_value_x(i) - 0.3f, y), P(layout.frame_value_x(i) + 4.0f, y + 1.0f), s.target);
      }
    }
    // Freed in the last step: a ghost fading out where it was.
    if (t < 1.0f) {
      for (const auto& old : before_layout_.boxes) {
        if (layout.box(old.id)) continue;
        const auto& r = old.rect;
        dl->AddRect(P(r.x, r.y), P(r.right(), r.bottom()), with_alpha(kPopColour, 1.0f - t), 5.0f * k, 0, 1.5f);
        text(r.x + 0.5f, r.y + 0.15f, with_alpha(kPopColour, 1.0f - t), "freed", r.w - 1);
      }
    }
    // Objects: each box where the layout put it.
    // (Only those in sight: a big heap draws what the panel shows.)
    for (size_t i = 0; i < view.boxes.size(); ++i) {
      const auto& r = layout.boxes[i].rect;
      if (ImGui::IsRectVisible(P(r.x - 1, r.y - 1), P(r.right() + 1, r.bottom() + 1))) {
        draw_box(dl, state, view.boxes[i], layout.boxes[i], P, text, t, k);
      }
    }
    // Found: outlined.
    for (uint64_t id : found_) {
      if (const trace::HeapLayout::Box* b = layout.box(id)) {
        dl->AddRect(P(b->rect.x - 0.25f, b->rect.y - 0.12f), P(b->rect.right() + 0.25f, b->rect.bottom() + 0.12f),
                    themed(IM_COL32(255, 210, 60, 255)), 6.0f * k, 0, 2.5f * k);
      }
    }
    // A reference clicked: its object scrolled into view, flashing a moment.
    if (const trace::HeapLayout::Box* target = flash_ ? layout.box(flash_) : nullptr) {
      const auto& r = target->rect;
      if (jump_) {
        const ImVec2 avail = ImGui::GetWindowSize();
        ImGui::SetScrollX(std::max(0.0f, r.x * cw - avail.x * 0.3f));
        ImGui::SetScrollY(std::max(0.0f, r.y * lh - avail.y * 0.3f));
        jump_ = 0;
      }
      const float since = static_cast<float>(state.now - jumped_at_);
      if (since < 1.2f) {
        dl->AddRect(P(r.x - 0.4f, r.y - 0.2f), P(r.right() + 0.4f, r.bottom() + 0.2f),
                    with_alpha(box_head(), 1.0f - since / 1.2f), 6.0f * k, 0, 3.0f * k);
      }
    }
    // Arrows: along their routes, into the head of the object they name
    // (none when references are written as #numbers).
    for (const auto& e : layout.edges) {
      if (state.heap_ids) break;
      const trace::HeapView::Box* target = view.box(e.to);
      const trace::HeapView::Box* owner = e.frame < 0 ? view.box(e.box) : nullptr;
      const bool cyclic = owner && owner->in_cycle && target && target->in_cycle;
      const ImU32 colour = e.frame >= 0 ? kFrameArrow : cyclic ? kCycleColour : IM_COL32(230, 180, 90, 220);
      std::vector<ImVec2> points;
      // From the row's dot (a head's arrow from the edge itself).
      if (e.frame >= 0) {
        points.push_back(P(layout.frame_value_x(static_cast<size_t>(e.frame)) + 0.5f, e.route.front().y));
      } else if (const trace::HeapLayout::Box* b = layout.box(e.box); b && e.row >= 0 && static_cast<size_t>(e.row) < b->rows_shown) {
        points.push_back(P(layout.value_x(*b) + 0.5f, e.route.front().y));
      }
      for (const auto& p : e.route) {
        const ImVec2 q = P(p.x, p.y);
        // A point straight on from the two before it is no bend (a join there draws a blot).
        if (points.size() >= 2) {
          const ImVec2 a = points[points.size() - 2], b = points.back();
          if ((a.x == b.x && b.x == q.x) || (a.y == b.y && b.y == q.y)) points.pop_back();
        }
        points.push_back(q);
      }
      // The head points along the last segment (into the left or the right
      // edge, or down into the top).
      const ImVec2 end = points.back();
      const ImVec2 before = points.size() >= 2 ? points[points.size() - 2] : ImVec2(end.x - 1, end.y);
      const float dx = end.x > before.x ? 1.0f : end.x < before.x ? -1.0f : 0.0f;
      const float dy = dx == 0 ? (end.y >= before.y ? 1.0f : -1.0f) : 0.0f;
      points.back() = ImVec2(end.x - dx * 6.0f * k, end.y - dy * 6.0f * k);  // the head covers the last few pixels
      dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, 1.6f * k);
      const ImVec2 back(end.x - dx * 7 * k, end.y - dy * 7 * k);
      dl->AddTriangleFilled(end, ImVec2(back.x - dy * 4 * k, back.y - dx * 4 * k), ImVec2(back.x + dy * 4 * k, back.y + dx * 4 * k), colour);
    }
    size_t folded = 0;
    for (const auto& b : layout.boxes) folded += b.folded ? 1 : 0;
    state.heap_drawn = {layout.boxes.size(), layout.edges.size(), folded, layout.width * cw, layout.height * lh, -1, -1, found_.size()};
    if (!layout.boxes.empty()) {
      const auto& r = layout.boxes[0].rect;
      const ImVec2 head = P(r.x + r.w * 0.3f, r.y + 0.6f);
      state.heap_drawn.head_x = head.x;
      state.heap_drawn.head_y = head.y;
    }
    ImGui::Dummy(ImVec2(layout.width * cw + cw, std::max(layout.height, before_layout_.height) * lh + lh));
    ImGui::EndChild();
  }

 private:
  static constexpr ImU32 kFrameArrow = IM_COL32(120, 180, 255, 220);
  // The step on screen, its view and layout, and the step's before them
  // (ghosts of what was freed, what is new, which rows changed).
  uint64_t step_ = UINT64_MAX;
  bool internals_ = false, objects_ = false;
  char find_[64] = {};
  std::vector<uint64_t> found_;
  bool summary_ = false;
  trace::LayoutOptions options_;  // the boxes the learner folded or unfolded
  bool relayout_ = false;
  uint64_t jump_ = 0;             // an object to scroll to (a reference clicked)...
  double jumped_at_ = -10.0;      // ...and when (it flashes)
  uint64_t flash_ = 0;
  static constexpr float kMinZoom = 0.3f, kMaxZoom = 3.0f;
  float zoom_ = 1.0f;
  bool fit_ = false;
  std::unordered_map<uint64_t, size_t> numbers_;  // box id -> #N
  trace::HeapView view_, before_view_;
  trace::HeapLayout layout_, before_layout_;

  // Whether the view changed (a new step, view or drawing).
  bool update(const AppState& state) {
    const uint64_t step = state.run.position();
    if (step == step_ && state.internals == internals_ && state.heap_objects == objects_) {
      // Folded or unfolded by a click: laid out afresh.
      if (relayout_) layout_ = trace::layout_heap(view_, nullptr, options_);
      relayout_ = false;
      return false;
    }
    const bool keep = state.internals == internals_ && state.heap_objects == objects_ && step_ != UINT64_MAX;
    before_view_ = keep ? std::move(view_) : trace::HeapView{};
    before_layout_ = keep ? std::move(layout_) : trace::HeapLayout{};
    step_ = step;
    internals_ = state.internals;
    objects_ = state.heap_objects;
    // The model `pylife heap` prints too (pylife/heap_view.h, heap_layout.h).
    view_ = trace::heap_view(state.run.at().frames, state.run.at().heap, state.internals, state.heap_objects);
    layout_ = trace::layout_heap(view_, keep ? &before_layout_ : nullptr, options_);
    relayout_ = false;
    numbers_.clear();
    for (size_t i = 0; i < view_.boxes.size(); ++i) numbers_[view_.boxes[i].value.id] = i + 1;
    return true;
  }

  // Whether the mouse clicked inside [a]-[b] (the hand cursor over it, [tip] beside it).
  static bool clicked(ImVec2 a, ImVec2 b, const char* tip) {
    if (!ImGui::IsWindowHovered() || !ImGui::IsMouseHoveringRect(a, b)) return false;
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("%s", tip);
    return ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  }
  // A reference's dot or #id clicked: scroll to its object.
  void reference_clicked(const AppState& state, ImVec2 a, ImVec2 b, uint64_t target) {
    if (clicked(a, b, "click: go to the object it refers to")) {
      jump_ = flash_ = target;
      jumped_at_ = state.now;
    }
  }

  // The live objects by type, each a button that finds them.
  void draw_summary(AppState& state) {
    const auto summary = trace::heap_summary(state.run.at().heap);
    size_t total = 0;
    for (const auto& [type, n] : summary) total += n;
    ImGui::TextDisabled("%zu live objects by type (click one to find it):", total);
    const float right = ImGui::GetWindowContentRegionMax().x;
    for (size_t i = 0; i < summary.size(); ++i) {
      const std::string label = summary[i].first + " " + std::to_string(summary[i].second);
      if (i > 0) {
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFontSize() > right) ImGui::NewLine();
      }
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::SmallButton(label.c_str())) std::snprintf(find_, sizeof find_, "%s", summary[i].first.c_str());
      ImGui::PopID();
    }
  }

  // On the bar's line, after the item before, when [label] still fits
  // there (as a small button); else at the start of the next line.
  static void next_on_bar(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
  }
  static void next_on_bar(const char* label) {
    next_on_bar(ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2);
  }

  // A switch: a small button labelled [labels][on], reported as [name].
  static void toggle(AppState& state, bool& on, const char* name, std::array<const char*, 2> labels,
                     std::array<const char*, 2> tips) {
    if (ImGui::SmallButton(labels[on])) on = !on;
    report_item(state, name);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tips[on]);
  }

  // "#N": the object's number, as `pylife heap` numbers it (its place in the view).
  std::string number(uint64_t id) const {
    auto it = numbers_.find(id);
    return it == numbers_.end() ? "?" : "#" + std::to_string(it->second);
  }

  // Whether row [r] of [b] differs from the step before (the object was there).
  bool row_changed(const trace::HeapView::Box& b, size_t r) const {
    const trace::HeapView::Box* old = before_view_.box(b.value.id);
    if (!old) return false;
    const auto& row = b.rows[r];
    for (const auto& o : old->rows) {
      if (o.label == row.label && !row.label.empty()) return o.text != row.text || o.target != row.target;
    }
    return r >= old->rows.size() || old->rows[r].text != row.text || old->rows[r].target != row.target;
  }

  template <typename Pos, typename Text>
  void draw_box(ImDrawList* dl, const AppState& state, const trace::HeapView::Box& b, const trace::HeapLayout::Box& lb,
                Pos P, Text text, float t, float k) {
    const auto& r = lb.rect;
    const ImVec2 p0 = P(r.x, r.y), p1 = P(r.right(), r.bottom());
    dl->AddRectFilled(p0, p1, box_fill(), 5.0f * k);
    // New in this step: a glow around it, fading.
    const bool fresh = !before_layout_.boxes.empty() && !before_layout_.box(b.value.id);
    if (fresh && t < 1.0f) {
      dl->AddRect(ImVec2(p0.x - 3 * k, p0.y - 3 * k), ImVec2(p1.x + 3 * k, p1.y + 3 * k),
                  with_alpha(IM_COL32(240, 200, 80, 255), 1.0f - t), 7.0f * k, 0, 3.0f * k);
    }
    // On a reference cycle: outlined red (only the collector frees it).
    if (b.in_cycle) dl->AddRect(p0, p1, kCycleColour, 5.0f * k, 0, 2.5f);
    else dl->AddRect(p0, p1, box_border(), 5.0f * k);
    std::string head = state.heap_ids ? number(b.value.id) + " " + b.title : b.title;
    if (b.generation >= 0 && state.internals) {
      // Internals: the collector's generation as a colour down its left
      // edge (young green, middle amber, old violet) and as gN.
      static constexpr ImU32 kGeneration[3] = {IM_COL32(90, 200, 120, 255), IM_COL32(235, 180, 60, 255), IM_COL32(170, 120, 230, 255)};
      dl->AddRectFilled(p0, ImVec2(p0.x + 4.0f * k, p1.y), kGeneration[std::clamp(b.generation, 0, 2)], 5.0f * k, ImDrawFlags_RoundCornersLeft);
      head += "  g" + std::to_string(b.generation);
    }
    // The refcount badge, flashing on a change in the last step.
    const std::string rc = "rc " + std::to_string(b.value.refcount) + (b.value.immortal ? "+" : "");
    const float rc_cells = static_cast<float>(unicode::display_width(rc));
    text(r.x + 0.5f, r.y + 0.15f, box_head(), head, r.w - rc_cells - 2.5f);
    ImU32 badge = IM_COL32(80, 85, 100, 255);
    for (const Change& c : state.run.at().changes) {
      if (c.id != b.value.id) continue;
      if (c.kind == Change::Kind::kIncref) badge = with_alpha(kPushColour, 0.35f + 0.65f * (1.0f - t));
      if (c.kind == Change::Kind::kDecref) badge = with_alpha(kPopColour, 0.35f + 0.65f * (1.0f - t));
      if (c.kind == Change::Kind::kAlloc) badge = with_alpha(IM_COL32(240, 200, 80, 255), 0.35f + 0.65f * (1.0f - t));
    }
    const ImVec2 b0 = P(r.right() - rc_cells - 1.0f, r.y + 0.1f), b1 = P(r.right() - 0.3f, r.y + 1.1f);
    dl->AddRectFilled(b0, b1, badge, 6.0f * k);
    text(r.right() - rc_cells - 0.65f, r.y + 0.15f, IM_COL32(255, 255, 255, 255), rc, rc_cells + 1);
    if (ImGui::IsMouseHoveringRect(b0, b1)) {
      ImGui::SetTooltip("rc %lld: its reference count, the references to it from names, objects and the VM%s",
                        static_cast<long long>(b.value.refcount),
                        b.value.immortal ? "\n+: built in, the VM holds it for good (not counted) and never frees it" : "");
    } else if (!b.rows.empty() && clicked(p0, P(r.right() - rc_cells - 1.0f, r.y + 1.15f),
                                          options_.collapsed.count(b.value.id) ? "click: unfold" : "click: fold to its head")) {
      // Its head: fold to the head, or back.
      if (options_.collapsed.erase(b.value.id) == 0 && options_.expanded.erase(b.value.id) == 0) options_.collapsed.insert(b.value.id);
      relayout_ = true;
    } else if (ImGui::IsMouseHoveringRect(p0, p1)) {
      ImGui::SetTooltip("%s%s%s", b.value.type.c_str(),
                        b.generation >= 0 ? (", generation " + std::to_string(b.generation) + " of the collector").c_str()
                                          : ", not tracked by the collector",
                        b.in_cycle ? "\non a reference cycle: its refcount cannot reach 0 by itself" : "");
    }
    const trace::HeapLayout& layout = layout_;
    if (b.rows.empty()) text(r.x + 1, layout.box_row_y(lb, 0) - 0.5f, box_text(), b.value.repr, r.w - 1.5f);
    const float vx = layout.value_x(lb);
    for (size_t i = 0; i < lb.rows_shown; ++i) {
      const auto& row = b.rows[i];
      const float y = layout.box_row_y(lb, static_cast<int>(i)) - 0.5f;
      // Changed by this step: the row lit, fading.
      if (t < 1.0f && row_changed(b, i)) {
        dl->AddRectFilled(P(r.x + 0.3f, y), P(r.right() - 0.3f, y + 1.0f), with_alpha(IM_COL32(240, 200, 80, 255), 0.45f * (1.0f - t)), 3.0f * k);
      }
      if (!row.label.empty()) text(r.x + 1, y, muted_text(), row.label, lb.label_w);
      if (row.target && state.heap_ids) text(vx, y, IM_COL32(230, 180, 90, 255), number(row.target), 5);
      else if (row.target) dl->AddCircleFilled(P(vx + 0.5f, y + 0.5f), 3.5f * k, IM_COL32(230, 180, 90, 255));
      else text(vx, y, box_value(), row.text, r.right() - vx - 0.5f);
      if (row.target) reference_clicked(state, P(vx - 0.3f, y), P(vx + 4.0f, y + 1.0f), row.target);
    }
    if (lb.folded) {
      const float y = layout.box_row_y(lb, static_cast<int>(lb.rows_shown)) - 0.5f;
      text(r.x + 1, y, muted_text(), "... " + std::to_string(lb.folded) + " more", r.w - 1.5f);
      // Unfolded to every row the VM reports (50 at most).
      if (lb.folded > b.more && clicked(P(r.x, y), P(r.right(), y + 1.0f), "click: show every row")) {
        options_.collapsed.erase(b.value.id);
        options_.expanded.insert(b.value.id);
        relayout_ = true;
      }
    }
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
