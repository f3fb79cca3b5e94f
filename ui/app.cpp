// Panels of the visualizer and the per-frame layout.
#include "app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include "imgui.h"
#include "imgui_internal.h"
#include "editing.h"
#include "examples.h"
#include "style.h"
#include "pylife/ast.h"
#include "pylife/dis.h"
#include "pylife/opcodes.h"
#include "pylife/unicode.h"
#include "pylife/version.h"

namespace pylife::ui {

namespace {

// A stage's name and whether this build already implements it.
struct StageInfo {
  Stage stage;
  const char* name;
  bool built;
};

constexpr StageInfo kStages[] = {
    {Stage::kSource, "Source", true}, {Stage::kTokens, "Tokens", true},
    {Stage::kAst, "AST", true},       {Stage::kBytecode, "Bytecode", true},
    {Stage::kVm, "VM", true},         {Stage::kTermination, "Termination", true},
};

constexpr const char* kWelcome =
    "# Welcome to pylife: a see-through Python.\n"
    "def greet(name):\n"
    "    return f\"Hello, {name}!\"\n"
    "\n"
    "print(greet(\"world\"))\n";

// The code point whose UTF-8 starts at byte [i] of [s].
uint32_t code_point_at(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> (n - 1));
  for (int k = 1; k < n && i + static_cast<size_t>(k) < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  }
  return cp;
}

// The editor's keys and memory across frames, for editor_callback.
struct EditorKeys {
  std::string* text = nullptr;  // the text being edited (resized by ImGui)
  UndoHistory* history = nullptr;
  std::string* last = nullptr;  // the text as it was after the previous frame's edits
  int* last_cursor = nullptr;
  double now = 0;
  bool enter = false, shift = false, comment = false, undo = false, redo = false, paste = false;
};

TextEdit edit_of(const ImGuiInputTextCallbackData* data) {
  return TextEdit{std::string(data->Buf, static_cast<size_t>(data->BufTextLen)), data->CursorPos, data->SelectionStart,
                  data->SelectionEnd};
}

void put_edit(ImGuiInputTextCallbackData* data, const TextEdit& e) {
  data->DeleteChars(0, data->BufTextLen);
  data->InsertChars(0, e.text.data(), e.text.data() + e.text.size());
  data->CursorPos = e.cursor;
  data->SelectionStart = e.sel_start;
  data->SelectionEnd = e.sel_end;
}

// The code editor's callback: ImGui's buffer resized into the string;
// Tab/Shift+Tab indent, Enter keeps and adapts the indentation, Ctrl+/
// comments, and undo/redo go by word and by paste (editing.h).  ImGui
// has applied its own Ctrl+Z by the time this runs: ours replaces it.
int editor_callback(ImGuiInputTextCallbackData* data) {
  auto* k = static_cast<EditorKeys*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    k->text->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = k->text->data();
    return 0;
  }
  TextEdit now = edit_of(data);
  auto remember = [&](const TextEdit& e) {
    *k->last = e.text;
    *k->last_cursor = e.cursor;
  };
  if (data->EventFlag == ImGuiInputTextFlags_CallbackCompletion) {  // Tab
    k->history->edited(TextEdit{*k->last, *k->last_cursor, 0, 0}, now.text, UndoHistory::Kind::kOther, k->now);
    TextEdit e = indent(now, k->shift);
    put_edit(data, e);
    remember(e);
    return 0;
  }
  if (k->undo || k->redo) {
    TextEdit mine{*k->last, *k->last_cursor, *k->last_cursor, *k->last_cursor}, back;
    bool ok = k->undo ? k->history->undo(mine, &back) : k->history->redo(mine, &back);
    put_edit(data, ok ? back : mine);
    remember(ok ? back : mine);
    return 0;
  }
  if (k->comment) {
    k->history->edited(TextEdit{*k->last, *k->last_cursor, 0, 0}, now.text, UndoHistory::Kind::kOther, k->now);
    TextEdit e = toggle_comment(now);
    put_edit(data, e);
    remember(e);
    return 0;
  }
  if (now.text != *k->last) {
    auto kind = k->paste ? UndoHistory::Kind::kPaste
                : now.text.size() > k->last->size() ? UndoHistory::Kind::kTyping
                                                     : UndoHistory::Kind::kDeleting;
    k->history->edited(TextEdit{*k->last, *k->last_cursor, 0, 0}, now.text, kind, k->now);
    // Enter: the new line indented as Python wants it.
    if (k->enter && now.cursor > 0 && now.text[static_cast<size_t>(now.cursor - 1)] == '\n') {
      std::string pad = indent_after_newline(now.text, now.cursor);
      if (!pad.empty()) {
        data->InsertChars(now.cursor, pad.data(), pad.data() + pad.size());
        now = edit_of(data);
      }
    }
  }
  remember(now);
  return 0;
}

// The panel that shows each stage (focus raises it).
const char* stage_panel(Stage s) {
  switch (s) {
    case Stage::kSource: return "Program";
    case Stage::kTokens: return "Tokens";
    case Stage::kAst: return "AST";
    case Stage::kBytecode: return "Bytecode";
    case Stage::kVm: return "VM";
    case Stage::kTermination: return "Exit";
  }
  return "Program";
}


}  // namespace

const std::vector<SharedPlace>& shared_places() {
  static const std::vector<SharedPlace> kPlaces = {
      {"run",
       {"Output", "Imports", ".pyc", "Exit"},
       {"what the program printed", "how each import was found, cached or compiled, and run",
        "the program and its modules as .pyc files: header and marshalled bytes, annotated",
        "after the last instruction: atexit, module teardown, final collections"}},
      {"memory",
       {"Heap", "GC", "Memory"},
       {"objects, references and reference counts", "the cycle collector's generations and collections",
        "the small-object allocator's arenas and pools"}},
  };
  return kPlaces;
}

const SharedPlace* place_of(std::string_view title) {
  for (const SharedPlace& p : shared_places()) {
    for (const char* t : p.panels) {
      if (title == t) return &p;
    }
  }
  return nullptr;
}

std::string AppState::front(const std::string& place) const {
  auto it = in_front.find(place);
  if (it != in_front.end()) return it->second;
  for (const SharedPlace& p : shared_places()) {
    if (place == p.name) return p.panels.front();
  }
  return "";
}

std::string layout_json(const AppState& state, float width, float height) {
  auto items = [](const std::vector<AppState::LayoutItem>& list) {
    std::string out;
    for (const auto& item : list) {
      std::string name;
      for (char c : item.name) {
        if (c == '"' || c == '\\') name += '\\';
        name += c;
      }
      out += std::string(out.empty() ? "" : ", ") + "{\"name\": \"" + name + "\", \"x\": " + std::to_string(item.x) +
             ", \"y\": " + std::to_string(item.y) + ", \"w\": " + std::to_string(item.w) + ", \"h\": " +
             std::to_string(item.h) + "}";
    }
    return out;
  };
  return "{\"window\": [" + std::to_string(width) + ", " + std::to_string(height) + "], \"items\": [" +
         items(state.layout) + "], \"panels\": [" + items(state.panels) + "], \"glyphs\": {\"extra\": " +
         std::to_string(state.extra_glyphs.size()) + ", \"fallback_fonts\": " + std::to_string(state.fallback_fonts) +
         "}, \"heap\": {\"boxes\": " + std::to_string(state.heap_drawn.boxes) + ", \"arrows\": " +
         std::to_string(state.heap_drawn.arrows) + ", \"folded\": " + std::to_string(state.heap_drawn.folded) +
         ", \"w\": " + std::to_string(state.heap_drawn.w) + ", \"h\": " + std::to_string(state.heap_drawn.h) +
         ", \"head\": [" + std::to_string(state.heap_drawn.head_x) + ", " + std::to_string(state.heap_drawn.head_y) +
         "], \"found\": " + std::to_string(state.heap_drawn.found) + "}}";
}

void report_item(AppState& state, const char* name) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  state.layout.push_back({name, a.x, a.y, b.x - a.x, b.y - a.y});
}

namespace {

void flow(float width, float spacing);

// Where the run is, at the pipeline bar's right.
void draw_run_status(AppState& state) {
  const auto& run = state.run;
  if (!run.ready()) return;
  char text[128];
  bool ended = run.by_line() ? run.length() > 0 && run.position() == run.length() : run.finished();
  if (run.waiting_for_input()) {
    std::snprintf(text, sizeof text, "step %llu of %llu: input() waits for a line",
                  static_cast<unsigned long long>(run.position()), static_cast<unsigned long long>(run.length()));
  } else if (ended) {
    std::snprintf(text, sizeof text, "ended: exit code %d", run.exit_code());
  } else {
    std::snprintf(text, sizeof text, "%s %llu of %llu, line %d", run.by_line() ? "step" : "instruction",
                  static_cast<unsigned long long>(run.position()), static_cast<unsigned long long>(run.length()),
                  run.next_line());
  }
  flow(ImGui::CalcTextSize(text).x, 20);
  ImGui::TextDisabled("%s", text);
  report_item(state, "status");
}

// Puts the next item of [width] on this row when it fits, else on the
// next: the bars wrap instead of running off a narrow window.
void flow(float width, float spacing = -1.0f) {
  ImGui::SameLine(0, spacing);
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float button_width(const char* label, bool small = false) {
  return ImGui::CalcTextSize(label, nullptr, true).x + (small ? 0.0f : ImGui::GetStyle().FramePadding.x) * 2.0f;
}

// A button in the flow of the bar, reported for the layout test.
bool bar_button(AppState& state, const char* label, const char* tip, bool first = false, bool small = false) {
  if (!first) flow(button_width(label, small));
  bool pressed = small ? ImGui::SmallButton(label) : ImGui::Button(label);
  report_item(state, label);
  if (tip && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tip);
  return pressed;
}

// The pipeline bar: Source -> Tokens -> AST -> Bytecode -> VM -> Termination.
// The live stage glows; a click raises the stage's panel (the front
// stages' panels are in the Internals view).
void draw_pipeline(AppState& state) {
  const Stage live = state.live_stage();
  const float glow = 0.75f + 0.25f * std::sin(static_cast<float>(state.now) * 4.0f);
  bool first = true;
  for (const auto& info : kStages) {
    if (!first) {
      flow(button_width(info.name) + ImGui::CalcTextSize("\u2192").x + ImGui::GetStyle().ItemSpacing.x);
      ImGui::TextUnformatted("\u2192");
      ImGui::SameLine();
    }
    ImVec4 colour = info.stage == live ? ImVec4(0.25f * glow, 0.55f * glow, 0.95f * glow, 1.0f)
                    : state.focus == info.stage ? ImVec4(0.30f, 0.42f, 0.60f, 1.0f)
                                                : ImVec4(0.22f, 0.40f, 0.30f, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Button, colour);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (ImGui::Button(info.name)) {
      state.focus = info.stage;
      bool learner_has = info.stage == Stage::kSource || info.stage == Stage::kVm;
      if (!learner_has && !state.embed) state.internals = true;
      state.raise_panel = state.internals ? stage_panel(info.stage) : info.stage == Stage::kVm ? "Heap" : "Editor";
    }
    report_item(state, info.name);
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s%s", info.stage == live ? "the program is here now; " : "",
                        "click to bring its panel to the front");
    }
    first = false;
  }
  // The compile animation, sharing, examples, theme (not in an embedded,
  // read-only view).
  if (state.embed) {
    draw_run_status(state);
    return;
  }
  // The view: the learner's few panels, or every stage's.
  if (bar_button(state, state.internals ? "View: Internals" : "View: Learner",
                 state.internals ? "every stage's panel; click for the learner's view (code, frames and heap, output)"
                                 : "the code, frames and heap, output; click for every stage's panel (tokens, AST, "
                                   "bytecode, operand stack, refcounts, GC, memory, .pyc, imports)")) {
    state.internals = !state.internals;
    state.reset_layout = true;
  }
  // Panels sharing a place: one at a time in front (Internals).
  for (const SharedPlace& place : shared_places()) {
    if (!state.internals) break;
    flow(ImGui::CalcTextSize(place.name).x + ImGui::CalcTextSize(place.panels[0]).x * 2, 20);
    ImGui::TextDisabled("%s:", place.name);
    for (size_t i = 0; i < place.panels.size(); ++i) {
      const char* panel = place.panels[i];
      bool on = state.front(place.name) == panel;
      if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      if (bar_button(state, panel, place.tips[i], false, true)) state.raise_panel = panel;
      if (on) ImGui::PopStyleColor();
    }
  }
  if (!state.animating) {
    bool can = state.compiled.ok;
    if (!can) ImGui::BeginDisabled();
    if (bar_button(state, "Compile", "watch the front stages work: tokens one by one, the tree's nodes, then the bytecode")) {
      state.animating = true;
      state.anim_start = state.now;
      state.run.set_playing(false);
      state.internals = true;
    }
    if (!can) ImGui::EndDisabled();
  } else if (bar_button(state, "Skip", "stop the compile animation")) {
    state.animating = false;
  }
  if (state.internals) {
    flow(ImGui::GetFontSize() * 8.0f);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    ImGui::SliderFloat("##anim", &state.anim_speed, 2.0f, 200.0f, "%.0f items/s", ImGuiSliderFlags_Logarithmic);
    report_item(state, "animation speed");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("speed of the compile animation");
  }
  // The examples menu and the theme (and, in the browser, sharing).
  if (state.share && bar_button(state, "Share", "a link to this program at this step (copied to the clipboard)")) {
    state.share();
  }
  if (bar_button(state, "Examples", "open a lesson program")) ImGui::OpenPopup("examples");
  if (ImGui::BeginPopup("examples")) {
    for (const Example& e : examples()) {
      if (ImGui::Selectable(e.name)) state.load_request = e.name;
    }
    ImGui::EndPopup();
  }
  if (bar_button(state, "Lessons", "step-by-step lessons on a program's life, with captions")) ImGui::OpenPopup("lessons");
  if (ImGui::BeginPopup("lessons")) {
    for (const Example& e : lessons()) {
      if (ImGui::Selectable(e.name)) state.lesson_request = e.name;
    }
    if (state.lesson) {
      ImGui::Separator();
      if (ImGui::Selectable("End the lesson")) state.lesson.reset();
    }
    ImGui::EndPopup();
  }
  if (bar_button(state, state.light ? "Dark" : "Light", "switch between the dark and the light theme")) {
    state.light = !state.light;
    apply_theme(state.light);
  }
  if (bar_button(state, "A-", "smaller text and controls (Ctrl -)")) state.set_scale(state.ui_scale / 1.15f);
  if (bar_button(state, "A+", "larger text and controls (Ctrl +; Ctrl 0 resets)")) state.set_scale(state.ui_scale * 1.15f);
  if (bar_button(state, "Projector", "large text and the light theme, for a room")) {
    state.set_scale(2.0f);
    state.light = true;
    apply_theme(true);
  }
  if (bar_button(state, "Reset layout", "put every panel back where the view has it")) {
    state.panel_places.erase(state.internals ? "internals" : "learner");
    state.reset_layout = true;
  }
  draw_run_status(state);
}

// Editor: the program text, editable.  ImGui's multiline input does the
// editing (keys, selection, clipboard, undo); its own text is drawn
// invisible and the panel draws it again coloured by pylife's tokenizer,
// with a gutter of line numbers and breakpoints, the running line, the
// caret, and a wave under a syntax error.
class EditorPanel final : public Panel {
 public:
  const char* title() const override { return "Editor"; }
  // A tab for the program and one for each of its own modules, and "+".
  void draw(AppState& state) override {
    if (ImGui::BeginTabBar("files", ImGuiTabBarFlags_AutoSelectNewTabs | ImGuiTabBarFlags_FittingPolicyScroll)) {
      if (ImGui::BeginTabItem(state.filename == "<editor>" ? "program" : state.filename.c_str())) {
        state.editing = 0;
        ImGui::EndTabItem();
      }
      for (size_t i = 0; i < state.files.size(); ++i) {
        bool open = true;
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::BeginTabItem(state.files[i].name.c_str(), &open)) {
          state.editing = i + 1;
          ImGui::EndTabItem();
        }
        ImGui::PopID();
        if (!open) {  // closed: the module is deleted
          state.files.erase(state.files.begin() + static_cast<long>(i));
          state.editing = 0;
          state.start_run();
          break;
        }
      }
      if (!state.disk && ImGui::TabItemButton("+", ImGuiTabItemFlags_Trailing)) ImGui::OpenPopup("new file");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("a module of the program's own: `import NAME` finds NAME.py");
      if (ImGui::BeginPopup("new file")) {
        ImGui::TextUnformatted("module name:");
        bool enter = ImGui::InputText("##name", new_name_, sizeof new_name_, ImGuiInputTextFlags_EnterReturnsTrue);
        std::string name = new_name_;
        if (!name.empty() && name.find('.') == std::string::npos) name += ".py";
        bool valid = name.size() > 3 && name.find('/') == std::string::npos;
        if ((ImGui::Button("Add") || enter) && valid) {
          state.set_file(name, "# " + name + ": the program imports it as `import " + name.substr(0, name.size() - 3) + "`\n");
          new_name_[0] = 0;
          ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
      }
      ImGui::EndTabBar();
    }
    if (state.editing == 0 || state.editing > state.files.size()) {
      draw_program(state);
    } else {
      auto& f = state.files[state.editing - 1];
      EditorKeys keys = editor_keys(state, &f.text, state.editing, ImGui::GetID("##module"));
      if (ImGui::InputTextMultiline("##module", f.text.data(), f.text.capacity() + 1, ImGui::GetContentRegionAvail(),
                                    kEditorFlags, editor_callback, &keys)) {
        state.edited_at = state.frame_count;
        state.edited_time = state.now;
      }
    }
  }

 private:
  std::string before_escape_;
  char new_name_[64] = "helper";
  UndoHistory history_;
  std::string last_text_;
  int last_cursor_ = 0;
  size_t history_of_ = static_cast<size_t>(-1);  // the tab the history is of

  static constexpr ImGuiInputTextFlags kEditorFlags =
      ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackCompletion | ImGuiInputTextFlags_CallbackAlways;

  // This frame's keys for the editor of [text] (tab [tab]).
  EditorKeys editor_keys(AppState& state, std::string* text, size_t tab, ImGuiID id) {
    ImGuiIO& io = ImGui::GetIO();
    if (history_of_ != tab) {
      history_.clear();
      history_of_ = tab;
    }
    // Not being typed in: what the editor holds is the starting point
    // (a lesson or an example may have replaced it).
    if (ImGui::GetActiveID() != id) {
      last_text_ = *text;
      last_cursor_ = 0;
    }
    EditorKeys k;
    k.text = text;
    k.history = &history_;
    k.last = &last_text_;
    k.last_cursor = &last_cursor_;
    k.now = state.now;
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    k.shift = io.KeyShift;
    k.enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
    k.comment = ctrl && ImGui::IsKeyPressed(56, false);  // SDL's scancode for '/'
    k.undo = ctrl && !io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z));
    k.redo = ctrl && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y)) ||
                      (io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z))));
    k.paste = state.pasting > 0 || (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_V))) ||
              (io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Insert)));
    return k;
  }

  void draw_program(AppState& state) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float cw = char_advance();
    const float lh = ImGui::GetFontSize();  // the input's line height
    const float gutter = cw * 5.6f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter, origin.y));
    const ImGuiID id = ImGui::GetID("##program");
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (escape) before_escape_ = state.program;
    EditorKeys keys = editor_keys(state, &state.program, 0, id);
    bool changed = ImGui::InputTextMultiline("##program", state.program.data(), state.program.capacity() + 1,
                                             ImVec2(size.x - gutter, size.y), kEditorFlags, editor_callback, &keys);
    ImGui::PopStyleColor();
    // ImGui's Escape puts back the text from before the editor was
    // clicked; here it only leaves the editor: nothing typed is lost.
    if (escape && state.program != before_escape_) {
      state.program = before_escape_;
      changed = true;
    }
    if (changed) {
      state.refresh();
      state.edited_at = state.frame_count;
      state.edited_time = state.now;
      state.run.set_playing(false);
    }
    // The input's child window: where its text is, and how far scrolled.
    char name[512];
    ImFormatString(name, sizeof name, "%s/%s_%08X", window->Name, "##program", id);
    ImGuiWindow* child = ImGui::FindWindowByName(name);
    if (!child) return;
    // A new step: the line that runs next is scrolled into view.
    if (state.step_changed) {
      const RunMarks m = run_marks(state.run, state.editing == 0);
      if (m.next > 0) {
        float top = lh * static_cast<float>(m.next - 1), view = child->InnerRect.GetHeight();
        if (top < child->Scroll.y || top + lh > child->Scroll.y + view) ImGui::SetScrollY(child, std::max(0.0f, top - view * 0.4f));
      }
    }
    const ImVec2 text0(child->Pos.x + style.FramePadding.x, child->Pos.y + style.FramePadding.y - child->Scroll.y);
    ImDrawList* dl = child->DrawList;
    dl->PushClipRect(child->InnerRect.Min, child->InnerRect.Max, true);
    auto lines = source::split_lines(state.program);
    const int first = std::max(0, static_cast<int>((child->InnerRect.Min.y - text0.y) / lh));
    const int last = std::min(static_cast<int>(lines.size()), static_cast<int>((child->InnerRect.Max.y - text0.y) / lh) + 1);
    // x of code point [col] of [line] (ImGui draws a tab as four spaces).
    // (CJK and emoji take two cells, as in a terminal.)
    auto x_at = [&](std::string_view line, int col) {
      float x = text0.x;
      int c = 0;
      for (size_t i = 0; i < line.size() && c < col;) {
        size_t n = 1;
        while (i + n < line.size() && (static_cast<unsigned char>(line[i + n]) & 0xC0) == 0x80) ++n;
        x += line[i] == '\t' ? cw * 4.0f : is_wide(code_point_at(line, i)) ? cw * 2.0f : cw;
        i += n;
        ++c;
      }
      return x;
    };
    const RunMarks marks = run_marks(state.run, state.editing == 0);
    const int running = marks.next;
    for (int i = first; i < last; ++i) {
      std::string_view line = lines[static_cast<size_t>(i)];
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
      const float y = text0.y + lh * static_cast<float>(i);
      if (i + 1 == running) {
        dl->AddRectFilled(ImVec2(child->InnerRect.Min.x, y), ImVec2(child->InnerRect.Max.x, y + lh),
                          marks.raising ? raising_line_colour() : running_line_colour());
      } else if (std::find(marks.raised.begin(), marks.raised.end(), i + 1) != marks.raised.end()) {
        dl->AddRectFilled(ImVec2(child->InnerRect.Min.x, y), ImVec2(child->InnerRect.Max.x, y + lh),
                          raised_line_colour());
      } else if (i + 1 == marks.last) {
        dl->AddRectFilled(ImVec2(child->InnerRect.Min.x, y), ImVec2(child->InnerRect.Max.x, y + lh), just_ran_colour());
      }
      auto x_of = [&](int c) { return x_at(line, c); };
      draw_span(dl, state.selected_span, i + 1, static_cast<int>(line.size()), y, lh, x_of, IM_COL32(110, 60, 140, 200));
      draw_span(dl, state.highlight_span, i + 1, static_cast<int>(line.size()), y, lh, x_of, IM_COL32(200, 160, 60, 110));
      // Each code point in its token's colour (names and the rest plain).
      std::vector<ImU32> colours;
      for (size_t k = 0; k < line.size(); ++k) {
        if ((static_cast<unsigned char>(line[k]) & 0xC0) != 0x80) colours.push_back(ImGui::GetColorU32(ImGuiCol_Text));
      }
      static const std::vector<const lex::Token*> kNone;
      const auto& on_line = static_cast<size_t>(i + 1) < state.line_tokens.size()
                                ? state.line_tokens[static_cast<size_t>(i + 1)] : kNone;
      for (const lex::Token* t : on_line) {
        if (t->type == lex::TokenType::NAME && !is_keyword(t->text)) continue;
        ImU32 c = ImGui::GetColorU32(t->type == lex::TokenType::NAME ? keyword_colour() : token_colour(t->type));
        for (int k = t->start.col; k < t->end.col && k < static_cast<int>(colours.size()); ++k) colours[static_cast<size_t>(k)] = c;
      }
      float x = text0.x;
      size_t cp = 0;
      for (size_t k = 0; k < line.size(); ++cp) {
        size_t n = 1;
        while (k + n < line.size() && (static_cast<unsigned char>(line[k + n]) & 0xC0) == 0x80) ++n;
        if (line[k] == '\t') {
          x += cw * 4.0f;
        } else {
          dl->AddText(ImVec2(x, y), colours[cp], line.data() + k, line.data() + k + n);
          x += is_wide(code_point_at(line, k)) ? cw * 2.0f : cw;
        }
        k += n;
      }
    }
    // What the next instruction evaluates, underlined.
    if (marks.span_line > 0 && marks.span_line <= static_cast<int>(lines.size())) {
      std::string_view line = lines[static_cast<size_t>(marks.span_line - 1)];
      // Byte columns to code points.
      auto cp = [&](int bytes) {
        int n = 0;
        for (int k = 0; k < bytes && k < static_cast<int>(line.size()); ++k) n += (static_cast<unsigned char>(line[static_cast<size_t>(k)]) & 0xC0) != 0x80;
        return n;
      };
      const float y = text0.y + lh * static_cast<float>(marks.span_line) - 1.5f;
      float x0 = x_at(line, cp(marks.span_col)), x1 = x_at(line, cp(marks.span_end_col));
      dl->AddLine(ImVec2(x0, y), ImVec2(std::max(x1, x0 + cw), y), next_marker(), 2.0f);
    }
    // A syntax error: a red wave where CPython points.
    if (Span err = state.syntax_error_span(); !err.empty() && err.line <= static_cast<int>(lines.size())) {
      std::string_view line = lines[static_cast<size_t>(err.line - 1)];
      draw_error_wave(dl, x_at(line, err.col), x_at(line, err.end_col), text0.y + lh * static_cast<float>(err.line) - 2.0f);
    }
    // The caret (ImGui's own is drawn in the invisible text colour).
    if (ImGuiInputTextState* input = ImGui::GetInputTextState(id)) {
      int line = 0, col = 0;
      for (int k = 0; k < input->Stb.cursor && k < input->CurLenW; ++k) {
        if (input->TextW[k] == '\n') {
          ++line;
          col = 0;
        } else {
          col += input->TextW[k] == '\t' ? 4 : is_wide(static_cast<uint32_t>(input->TextW[k])) ? 2 : 1;
        }
      }
      bool on = input->CursorAnim <= 0.0f || std::fmod(input->CursorAnim, 1.20f) <= 0.80f;
      if (on) {
        ImVec2 p(text0.x + cw * static_cast<float>(col), text0.y + lh * static_cast<float>(line));
        dl->AddLine(p, ImVec2(p.x, p.y + lh - 1.0f), ImGui::GetColorU32(ImGuiCol_Text), 1.5f);
      }
    }
    dl->PopClipRect();
    // The gutter: line numbers and breakpoints (a click toggles one).
    ImDrawList* gdl = ImGui::GetWindowDrawList();
    gdl->PushClipRect(ImVec2(origin.x, child->InnerRect.Min.y), ImVec2(origin.x + gutter, child->InnerRect.Max.y), true);
    for (int i = first; i < last; ++i) {
      const float y = text0.y + lh * static_cast<float>(i);
      char num[16];
      std::snprintf(num, sizeof num, "%3d", i + 1);
      gdl->AddText(ImVec2(origin.x + cw * 0.9f, y), i + 1 == running ? next_marker() : line_number_colour(), num);
      // Python Tutor's two arrows: the line that just ran, the one next.
      if (i + 1 == marks.last) gdl->AddText(ImVec2(origin.x + cw * 4.0f, y), just_ran_marker(), "\u25B7");
      if (i + 1 == running) gdl->AddText(ImVec2(origin.x + cw * 4.0f, y), next_marker(), "\u25B6");
      if (state.run.breakpoints().count(i + 1)) {
        gdl->AddCircleFilled(ImVec2(origin.x + cw * 0.6f, y + lh * 0.5f), lh * 0.28f, IM_COL32(220, 60, 60, 255));
      }
    }
    gdl->PopClipRect();
    ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ImGui::IsWindowHovered() && mouse.x >= origin.x && mouse.x < origin.x + gutter && mouse.y >= child->InnerRect.Min.y &&
        mouse.y < child->InnerRect.Max.y && ImGui::IsMouseClicked(0)) {
      int line = static_cast<int>((mouse.y - text0.y) / lh) + 1;
      if (line >= 1 && line <= static_cast<int>(lines.size())) state.run.toggle_breakpoint(line);
    }
  }
};

// The SyntaxError box shared by the stage panels.
void draw_syntax_error(const AppState& state) {
  const auto& r = state.parsed;
  if (r.ok || !state.decoded.ok) return;
  ImGui::PushStyleColor(ImGuiCol_Text, error_text());
  ImGui::TextUnformatted(parse::format_error(r.error, state.filename).c_str());
  ImGui::PopStyleColor();
}

// Tokens: the stream exactly as `python3 -m tokenize` reports it, as
// coloured chips.  Hovering a chip marks its span in the source; hovering
// the source marks the chip under the pointer.
class TokensPanel final : public Panel {
 public:
  const char* title() const override { return "Tokens"; }
  void draw(AppState& state) override {
    const auto& toks = state.tokens.tokens;
    size_t shown = std::min(toks.size(), state.reveal(Stage::kTokens));
    ImGui::Text("%zu tokens", toks.size());
    if (!state.tokens.ok()) {
      ImGui::SameLine();
      ImGui::TextColored(error_text(), "  tokenize stops: %s (line %d)",
                         state.tokens.error.message.c_str(), state.tokens.error.line);
    }
    ImGui::SameLine();
    ImGui::Checkbox("types", &types_);
    ImGui::SameLine();
    ImGui::Checkbox("exact operator types", &exact_);
    ImGui::BeginChild("chips");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (size_t i = 0; i < shown; ++i) {
      const lex::Token& t = toks[i];
      std::string_view type = lex::token_name(exact_ ? t.exact() : t.type);
      std::string text = t.type == lex::TokenType::NEWLINE || t.type == lex::TokenType::NL ? "\\n"
                         : t.text.find_first_not_of(" \t\f") == std::string_view::npos ? std::string(type)
                                          : std::string(t.text);
      if (text.size() > 40) text = text.substr(0, 37) + "...";
      std::string label = types_ ? std::string(type) + " " + text : text;
      ImVec2 size = ImGui::CalcTextSize(label.c_str());
      size.x += style.FramePadding.x * 2;
      size.y += style.FramePadding.y;
      if (i > 0) {
        ImGui::SameLine(0, 4);
        if (ImGui::GetCursorScreenPos().x + size.x > right) ImGui::NewLine();
      }
      ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::PushID(static_cast<int>(i));
      ImGui::InvisibleButton("chip", size);
      ImGui::PopID();
      Span span{t.start.line, t.start.col, t.end.line, t.end.col};
      bool hovered = ImGui::IsItemHovered();
      bool pointed = span.contains(state.shown_pointer_line, state.shown_pointer_col);
      ImVec4 c = token_colour(t.type);
      ImU32 fill = ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, hovered || pointed ? 0.45f : 0.16f));
      dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), fill, 4.0f);
      dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, pointed ? 1.0f : 0.55f)),
                  4.0f, 0, pointed ? 2.0f : 1.0f);
      dl->AddText(ImVec2(p.x + style.FramePadding.x, p.y + style.FramePadding.y * 0.5f), ImGui::GetColorU32(c),
                  label.c_str());
      if (pointed && state.step_changed) ImGui::SetScrollHereY(0.5f);
      if (hovered) {
        state.hovered_line = t.start.line;
        if (t.start.line > 0) state.hovered_span = span;
        ImGui::SetTooltip("%.*s %s\n%d,%d-%d,%d", static_cast<int>(type.size()), type.data(),
                          unicode::repr_str(t.text).c_str(), t.start.line, t.start.col, t.end.line, t.end.col);
      }
    }
    ImGui::EndChild();
  }

 private:
  bool exact_ = false;
  bool types_ = false;
};

// AST: the tree as ast.dump sees it, one collapsible node per AST node.
class AstPanel final : public Panel {
 public:
  const char* title() const override { return "AST"; }
  void draw(AppState& state) override {
    if (!state.parsed.ok) {
      draw_syntax_error(state);
      return;
    }
    if (ImGui::Button("Copy ast.dump")) {
      ImGui::SetClipboardText(ast::dump(state.parsed.module, 2).c_str());
    }
    ImGui::Separator();
    ImGui::BeginChild("tree");
    drawn_ = 0;
    limit_ = state.reveal(Stage::kAst);
    draw_node(state, state.parsed.module, "Module", 0);
    ImGui::EndChild();
  }

 private:
  // One node: "field: Kind  line:col-line:col", its fields as children.
  size_t drawn_ = 0, limit_ = SIZE_MAX;  // nodes drawn this frame; how many to show (compile animation)

  void draw_node(AppState& state, const ast::Node* n, const std::string& label, int depth) {
    if (n) {
      if (drawn_ >= limit_) return;
      ++drawn_;
    }
    if (!n) {
      ImGui::BulletText("%s: None", label.c_str());
      return;
    }
    const auto& spec = ast::spec(n->kind);
    std::string text = label;
    if (label != spec.name) text += ": " + std::string(spec.name);
    if (spec.located) {
      char loc[64];
      std::snprintf(loc, sizeof loc, "   %d:%d-%d:%d", n->loc.lineno, n->loc.col_offset,
                    n->loc.end_lineno, n->loc.end_col_offset);
      text += loc;
    }
    if (n->fields.empty()) {
      ImGui::BulletText("%s", text.c_str());
      if (ImGui::IsItemHovered() && spec.located) {
        state.hovered_line = n->loc.lineno;
        state.hovered_span = state.span_of(n->loc.lineno, n->loc.col_offset, n->loc.end_lineno, n->loc.end_col_offset);
      }
      return;
    }
    ImGui::PushID(n);
    Span span = spec.located ? state.span_of(n->loc.lineno, n->loc.col_offset, n->loc.end_lineno, n->loc.end_col_offset)
                             : Span{};
    ImGuiTreeNodeFlags flags = (depth < 3 ? ImGuiTreeNodeFlags_DefaultOpen : 0) |
                               (!span.empty() && span == state.selected_span ? ImGuiTreeNodeFlags_Selected : 0);
    bool open = ImGui::TreeNodeEx("node", flags, "%s", text.c_str());
    if (ImGui::IsItemHovered() && spec.located) {
      state.hovered_line = n->loc.lineno;
      state.hovered_span = span;
    }
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen() && spec.located) {
      state.selected_span = span == state.selected_span ? Span{} : span;
    }
    if (open) {
      for (size_t i = 0; i < n->fields.size(); ++i) {
        const auto& f = ast::field_spec(n->kind, i);
        std::string name(f.name);
        const ast::Value& v = n->fields[i];
        if (auto* child = std::get_if<ast::Node*>(&v)) {
          draw_node(state, *child, name, depth + 1);
        } else if (auto* list = std::get_if<std::vector<ast::Node*>>(&v)) {
          if (list->empty()) {
            ImGui::BulletText("%s: []", name.c_str());
            continue;
          }
          ImGui::PushID(static_cast<int>(i));
          if (ImGui::TreeNodeEx("list", depth < 2 ? ImGuiTreeNodeFlags_DefaultOpen : 0, "%s [%zu]",
                                name.c_str(), list->size())) {
            for (size_t k = 0; k < list->size(); ++k) {
              draw_node(state, (*list)[k], "[" + std::to_string(k) + "]", depth + 2);
            }
            ImGui::TreePop();
          }
          ImGui::PopID();
        } else if (std::holds_alternative<std::monostate>(v)) {
          continue;  // None: ast.dump leaves it out too
        } else {
          std::string shown;
          if (auto* s = std::get_if<std::string>(&v)) shown = unicode::repr_str(*s);
          if (auto* names = std::get_if<std::vector<std::string>>(&v)) {
            for (const auto& nm : *names)
              shown += (shown.empty() ? "" : ", ") + unicode::repr_str(nm);
            shown = "[" + shown + "]";
          }
          if (auto* k = std::get_if<long long>(&v)) shown = std::to_string(*k);
          if (auto* c = std::get_if<ast::Constant>(&v)) shown = ast::repr(*c);
          ImGui::BulletText("%s = %s", name.c_str(), shown.c_str());
        }
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
};

// Scopes: each block of the symbol table and how its names resolve.
class ScopesPanel final : public Panel {
 public:
  const char* title() const override { return "Scopes"; }
  void draw(AppState& state) override {
    if (!state.parsed.ok) {
      ImGui::TextDisabled("(the program does not parse)");
      return;
    }
    if (!state.symbols.ok) {
      ImGui::PushStyleColor(ImGuiCol_Text, error_text());
      ImGui::TextUnformatted(parse::format_error(state.symbols.error, state.filename).c_str());
      ImGui::PopStyleColor();
      return;
    }
    draw_block(state, *state.symbols.top, 0);
  }

 private:
  static const char* scope_name(compile::Scope s) {
    switch (s) {
      case compile::Scope::kLocal: return "local";
      case compile::Scope::kGlobalExplicit: return "global (declared)";
      case compile::Scope::kGlobalImplicit: return "global";
      case compile::Scope::kFree: return "free";
      case compile::Scope::kCell: return "cell";
      default: return "?";
    }
  }
  void draw_block(AppState& state, const compile::SymbolTable& t, int depth) {
    static const char* kTypes[] = {"module", "function", "class"};
    ImGui::PushID(&t);
    bool open = ImGui::TreeNodeEx("block", depth < 2 ? ImGuiTreeNodeFlags_DefaultOpen : 0,
                                  "%s %s  (line %d)", kTypes[static_cast<int>(t.type)],
                                  t.name.c_str(), t.lineno);
    if (ImGui::IsItemHovered() && t.lineno > 0) state.hovered_line = t.lineno;
    if (open) {
      for (const auto& sym : t.symbols) {
        ImVec4 colour = sym.scope == compile::Scope::kCell || sym.scope == compile::Scope::kFree
                            ? themed(warning_text())
                        : sym.scope == compile::Scope::kLocal ? themed(ImVec4(0.55f, 0.85f, 1.0f, 1.0f))
                                                              : themed(ImVec4(0.75f, 0.75f, 0.75f, 1.0f));
        ImGui::TextColored(colour, "  %-16s %s%s%s", sym.name.c_str(), scope_name(sym.scope),
                           (sym.flags & compile::kDefParam) ? ", parameter" : "",
                           (sym.flags & compile::kDefImport) ? ", imported" : "");
      }
      for (const auto& child : t.children) draw_block(state, *child, depth + 1);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
};

// Bytecode: each code object as `dis` lists it, with jump arrows in the
// gutter; hovering an instruction highlights its source line.
class BytecodePanel final : public Panel {
 public:
  const char* title() const override { return "Bytecode"; }
  void draw(AppState& state) override {
    if (!state.parsed.ok || !state.symbols.ok) {
      ImGui::TextDisabled("(the program does not get past the earlier stages)");
      return;
    }
    const auto& c = state.compiled;
    if (!c.ok) {
      if (c.unsupported) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.80f, 0.40f, 1.0f));
        ImGui::TextWrapped("line %d: %s", c.error.lineno, c.error.msg.c_str());
        ImGui::PopStyleColor();
        ImGui::TextWrapped(
            "The tokens, AST and scopes above are complete; the compiler handles a growing "
            "part of Python and shows nothing rather than something CPython would not do.");
        if (ImGui::IsItemHovered()) state.hovered_line = c.error.lineno;
      } else {
        ImGui::PushStyleColor(ImGuiCol_Text, error_text());
        ImGui::TextUnformatted(parse::format_error(c.error, state.filename).c_str());
        ImGui::PopStyleColor();
      }
      return;
    }
    if (ImGui::Button("Copy dis")) ImGui::SetClipboardText(compile::format_dis(*c.code).c_str());
    // One tab per code object, in dis's order; the running one's tab is
    // selected when the step moves into it (and, while the compile
    // animation runs, the one being emitted).
    std::vector<const compile::CodeObject*> codes;
    collect(*c.code, codes);
    const size_t limit = state.reveal(Stage::kBytecode);
    const auto& run = state.run;
    std::string running = run.ready() && !run.finished() ? run.at().code : std::string();
    if (!ImGui::BeginTabBar("code objects", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    size_t before = 0;
    for (const compile::CodeObject* code : codes) {
      auto rows = compile::disassemble(*code);
      if (before >= limit && before > 0) break;
      shown_ = 0;
      limit_ = limit == SIZE_MAX ? SIZE_MAX : limit - std::min(limit, before);
      bool emitting = state.animating && limit_ > 0 && limit_ < rows.size();
      before += rows.size();
      ImGuiTabItemFlags flags = 0;
      if ((state.step_changed && code->qualname == running) || emitting) flags |= ImGuiTabItemFlags_SetSelected;
      std::string label = code->qualname + "##" + std::to_string(reinterpret_cast<uintptr_t>(code));
      bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
      if (ImGui::IsItemHovered()) {
        state.hovered_line = code->firstlineno;
        ImGui::SetTooltip("code object %s (line %d)%s", code->qualname.c_str(), code->firstlineno,
                          code->qualname == running ? "\nrunning now" : "");
      }
      if (!open) continue;
      ImGui::TextDisabled("line %d: %zu instructions, stack %d, %zu consts, %zu names, %zu locals", code->firstlineno,
                          rows.size(), code->stacksize, code->consts.size(), code->names.size(), code->varnames.size());
      ImGui::BeginChild("listing", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
      draw_listing(state, *code, rows);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }

 private:
  size_t shown_ = 0, limit_ = SIZE_MAX;  // instructions drawn of this code object; how many to show (compile animation)

  // [code], then the code objects among its constants (dis's order).
  static void collect(const compile::CodeObject& code, std::vector<const compile::CodeObject*>& out) {
    out.push_back(&code);
    for (const auto& k : code.consts) {
      if (k.kind == compile::Const::Kind::kCode && k.code) collect(*k.code, out);
    }
  }

  void draw_listing(AppState& state, const compile::CodeObject& code, const std::vector<compile::DisRow>& rows) {
    // The instruction about to run, when it is in this code object.
    const auto& run = state.run;
    int current = run.ready() && !run.finished() && run.at().code == code.qualname ? run.at().offset : -1;
    const float gutter = 26.0f;
    std::vector<float> row_y(rows.size(), 0.0f);
    float gutter_x = 0.0f;
    // Columns as wide as their widest entry; the panel scrolls sideways
    // rather than cutting instruction names short.
    float op_w = ImGui::CalcTextSize("instruction").x, arg_w = ImGui::CalcTextSize("meaning").x;
    for (const auto& r : rows) {
      op_w = std::max(op_w, ImGui::CalcTextSize(r.opname.c_str()).x);
      arg_w = std::max(arg_w, ImGui::CalcTextSize(r.argrepr.c_str()).x);
    }
    const float digit = ImGui::CalcTextSize("0").x;
    float total = gutter + digit * 9 + op_w + arg_w + ImGui::GetStyle().CellPadding.x * 12;
    total = std::max(total, ImGui::GetContentRegionAvail().x);
    if (!ImGui::BeginTable("dis", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV, ImVec2(total, 0))) return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, gutter);
    ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthFixed, digit * 3);
    ImGui::TableSetupColumn("offset", ImGuiTableColumnFlags_WidthFixed, digit * 4);
    ImGui::TableSetupColumn("instruction", ImGuiTableColumnFlags_WidthFixed, op_w);
    ImGui::TableSetupColumn("arg", ImGuiTableColumnFlags_WidthFixed, digit * 2);
    ImGui::TableSetupColumn("meaning", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    int line = -1;
    // While the compile animation runs, only the instructions emitted so far.
    const size_t visible = std::min(rows.size(), limit_ - shown_);
    shown_ += visible;
    for (size_t i = 0; i < visible; ++i) {
      const auto& r = rows[i];
      if (r.starts_line >= 0) line = r.starts_line;
      ImGui::TableNextRow();
      Span where = state.span_of(r.pos.line, r.pos.col, r.pos.end_line, r.pos.end_col);
      bool selected = !state.selected_span.empty() && !where.empty() &&
                      state.selected_span.contains(where.line, where.col) &&
                      (where.end_line < state.selected_span.end_line ||
                       (where.end_line == state.selected_span.end_line && where.end_col <= state.selected_span.end_col));
      if (r.offset == current) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, light_theme() ? IM_COL32(250, 215, 140, 255) : IM_COL32(150, 110, 30, 255));
      } else if (r.offset == state.highlight_offset && code.qualname == state.highlight_code) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(40, 120, 110, 255));  // its bytes, in the .pyc panel
      } else if (selected) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(110, 60, 140, 255));
      } else if (line > 0 && line == state.highlight_line) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(60, 80, 130, 255));
      }
      ImGui::TableNextColumn();
      ImVec2 at = ImGui::GetCursorScreenPos();
      gutter_x = at.x;
      row_y[i] = at.y + ImGui::GetTextLineHeight() * 0.5f;
      ImGui::TextUnformatted(r.offset == current ? "\u25B6" : "");  // the gutter: jump arrows, drawn below
      if (r.offset == current && state.step_changed) ImGui::SetScrollHereY(0.4f);
      ImGui::TableNextColumn();
      ImGui::Text("%s", r.starts_line >= 0 ? std::to_string(r.starts_line).c_str() : "");
      ImGui::TableNextColumn();
      ImGui::Text("%d", r.offset);
      bool hovered = ImGui::IsItemHovered();
      ImGui::TableNextColumn();
      ImGui::TextColored(themed(ImVec4(0.55f, 0.80f, 1.00f, 1.0f)), "%s", r.opname.c_str());
      hovered = hovered || ImGui::IsItemHovered();
      ImGui::TableNextColumn();
      ImGui::Text("%s", r.arg >= 0 ? std::to_string(r.arg).c_str() : "");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.argrepr.c_str());
      hovered = hovered || ImGui::IsItemHovered();
      if (hovered) {
        if (line > 0) state.hovered_line = line;
        state.hovered_span = where;
        state.linked_code = code.qualname;
        state.linked_offset = r.offset;
        auto op = static_cast<compile::Op>(code.code[static_cast<size_t>(r.offset)]);
        int arg = std::max(r.arg, 0);
        ImGui::SetTooltip("%d  %s %s  %s\n%s\nstack: takes %d, leaves %d%s%s", r.offset, r.opname.c_str(),
                          r.arg >= 0 ? std::to_string(r.arg).c_str() : "", r.argrepr.c_str(),
                          explain_opcode(r.opname), compile::stack_pops(op, arg, false),
                          compile::stack_pushes(op, arg, false), r.jump_target ? "\n(a jump lands here)" : "",
                          r.offset == current ? "\n(about to run)" : "");
      }
    }
    ImGui::EndTable();
    // Jump arrows: from each jump to the instruction it targets.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    int lane = 0;
    const size_t drawn = std::min(rows.size(), static_cast<size_t>(std::count_if(row_y.begin(), row_y.end(), [](float y) { return y != 0.0f; })));
    for (size_t i = 0; i < drawn; ++i) {
      const std::string& a = rows[i].argrepr;
      if (a.rfind("to ", 0) != 0) continue;
      int target = std::atoi(a.c_str() + 3);
      for (size_t k = 0; k < drawn; ++k) {
        if (rows[k].offset != target) continue;
        float x = gutter_x + gutter - 6.0f - static_cast<float>(lane % 4) * 5.0f;
        ImU32 colour =
            target > rows[i].offset ? IM_COL32(120, 200, 140, 255) : IM_COL32(240, 170, 80, 255);
        float x_end = gutter_x + gutter - 1.0f;
        draw->AddLine(ImVec2(x_end, row_y[i]), ImVec2(x, row_y[i]), colour);
        draw->AddLine(ImVec2(x, row_y[i]), ImVec2(x, row_y[k]), colour);
        draw->AddLine(ImVec2(x, row_y[k]), ImVec2(x_end, row_y[k]), colour);
        draw->AddTriangleFilled(ImVec2(x_end, row_y[k]), ImVec2(x_end - 4.0f, row_y[k] - 3.0f),
                                ImVec2(x_end - 4.0f, row_y[k] + 3.0f), colour);
        ++lane;
        break;
      }
    }
  }
};

}  // namespace

namespace {

ImVec4 token_colour_dark(lex::TokenType t) {
  using T = lex::TokenType;
  switch (t) {
    case T::NAME: return ImVec4(0.62f, 0.85f, 1.00f, 1.0f);
    case T::NUMBER: return ImVec4(0.86f, 0.76f, 1.00f, 1.0f);
    case T::STRING: return ImVec4(0.70f, 0.95f, 0.62f, 1.0f);
    case T::COMMENT: return ImVec4(0.74f, 0.76f, 0.80f, 1.0f);
    case T::NEWLINE:
    case T::NL:
    case T::INDENT:
    case T::DEDENT:
    case T::ENDMARKER:
    case T::ENCODING: return ImVec4(0.95f, 0.86f, 0.52f, 1.0f);
    case T::ERRORTOKEN: return ImVec4(1.00f, 0.66f, 0.62f, 1.0f);
    default: return ImVec4(0.95f, 0.95f, 0.95f, 1.0f);
  }
}

}  // namespace

bool is_keyword(std::string_view s) {
  static const char* const kKeywords[] = {
      "False", "None",  "True",     "and",    "as",      "assert", "async",    "await", "break",
      "class", "continue", "def",   "del",    "elif",    "else",   "except",   "finally", "for",
      "from",  "global", "if",      "import", "in",      "is",     "lambda",   "nonlocal", "not",
      "or",    "pass",  "raise",    "return", "try",     "while",  "with",     "yield"};
  for (const char* k : kKeywords) {
    if (s == k) return true;
  }
  return false;
}

RunMarks run_marks(const RunModel& run, bool main) {
  RunMarks m;
  if (!run.ready() || !main) return m;
  const auto& at = run.at();
  // Only the program's own frames: a module's lines are another file's.
  if (!at.frames.empty() && at.frames.front().filename != run.filename()) return m;
  if (run.on_event()) {
    m.next = run.next_line();
    m.last = run.last_line();
    if (const auto* e = run.event()) {
      m.raising = e->kind == events::Trace::Kind::kException ||
                  (e->kind == events::Trace::Kind::kReturn && at.opname != "RETURN_VALUE" && at.opname != "YIELD_VALUE");
      // Raised in calls deeper down (their frames kept, innermost first):
      // the lines it came through are marked too.
      for (size_t k = 0; m.raising && k + 1 < at.frames.size(); ++k) {
        const auto& f = at.frames[k];
        if (f.filename == run.filename() && f.line > 0 && f.line != m.next) m.raised.push_back(f.line);
      }
    }
  } else if (!at.finished) {
    m.next = at.line;
  }
  if (m.next > 0 && at.line == m.next && at.col >= 0 && at.end_line == at.line) {
    m.span_line = at.line;
    m.span_col = at.col;
    m.span_end_col = at.end_col;
  }
  return m;
}

ImVec4 keyword_colour() {
  return themed(ImVec4(1.00f, 0.70f, 0.86f, 1.0f));
}

ImVec4 token_colour(lex::TokenType t) {
  return themed(token_colour_dark(t));  // on a light background, the same hues darker
}

namespace {

// Nodes of the tree under [n] (the AST panel's rows), and instructions of
// [code] and the code objects among its constants.
size_t count_nodes(const ast::Node* n) {
  if (!n) return 0;
  size_t count = 1;
  for (const auto& v : n->fields) {
    if (auto* child = std::get_if<ast::Node*>(&v)) count += count_nodes(*child);
    if (auto* list = std::get_if<std::vector<ast::Node*>>(&v)) {
      for (const ast::Node* c : *list) count += count_nodes(c);
    }
  }
  return count;
}

size_t count_instructions(const compile::CodeObject& code) {
  size_t count = compile::disassemble(code).size();
  for (const auto& k : code.consts) {
    if (k.kind == compile::Const::Kind::kCode && k.code) count += count_instructions(*k.code);
  }
  return count;
}

}  // namespace

int AppState::cp_col(int line, int byte_col) const { return ui::cp_col(lines, line, byte_col); }

Span AppState::span_of(int line, int col, int end_line, int end_col) const {
  return ui::span_of(lines, line, col, end_line, end_col);
}

Span AppState::syntax_error_span() const {
  const auto& e = parsed.error;
  if (parsed.ok || e.lineno < 1 || e.lineno > static_cast<int>(lines.size())) return {};
  int c0 = std::max(0, e.offset - 1);
  int c1 = e.end_offset > 0 && (e.end_lineno == 0 || e.end_lineno == e.lineno) ? e.end_offset - 1 : c0 + 1;
  return Span{e.lineno, c0, e.lineno, std::max(c1, c0 + 1)};
}

void AppState::refresh() {
  decoded = source::from_text(program, filename);
  lines.clear();
  line_tokens.clear();
  selected_span = {};
  if (decoded.ok) {
    auto source_lines = source::split_lines(decoded.source.text);
    for (auto l : source_lines) {
      while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
      lines.emplace_back(l);
    }
    tokens = lex::tokenize(decoded.source);
    line_tokens.resize(lines.size() + 1);
    for (const auto& t : tokens.tokens) {
      if (!t.text.empty() && t.start.line == t.end.line && t.start.line >= 1 &&
          t.start.line <= static_cast<int>(lines.size())) {
        line_tokens[static_cast<size_t>(t.start.line)].push_back(&t);
      }
    }
    parsed = parse::parse(decoded.source);
    symbols = parsed.ok ? compile::build_symtable(parsed.module, source_lines) : compile::SymtableResult{};
    compiled = symbols.ok ? compile::compile_module(parsed.module, *symbols.top, filename, source_lines)
                          : compile::CompileResult{};
    ast_nodes = parsed.ok ? count_nodes(parsed.module) : 0;
    instructions = compiled.ok ? count_instructions(*compiled.code) : 0;
  } else {
    tokens = {};
    parsed = {};
    symbols = {};
    compiled = {};
  }
}

void AppState::start_run() {
  edited_at = -1;
  if (decoded.ok && parsed.ok && compiled.ok) {
    source::Source src = decoded.source;
    src.filename = filename;
    std::vector<std::string> input = stdin_lines(stdin_text);
    if (disk) {
      run.start(src, input, 10'000'000, disk, disk_dir);
    } else {
      std::vector<std::pair<std::string, std::string>> sources;
      for (const auto& f : files) sources.emplace_back(f.name, f.text);
      auto next = next_files(memory_files.get(), run.imports(), sources, kFilesDir);
      run.start(src, input, 10'000'000, next.get(), kFilesDir);
      memory_files = std::move(next);  // the previous run's copy goes with its session
    }
  } else {
    run.clear();
  }
  shown_step = 0;
}

Stage AppState::live_stage() const {
  if (animating) return animation_stage();
  if (!decoded.ok) return Stage::kSource;
  if (!parsed.ok) return tokens.ok() ? Stage::kAst : Stage::kTokens;
  if (!compiled.ok) return Stage::kBytecode;
  if (run.ready()) return run.finished() ? Stage::kTermination : Stage::kVm;
  return Stage::kBytecode;
}

const char* stage_name(Stage s) {
  static const char* const kNames[] = {"source", "tokens", "ast", "bytecode", "vm", "termination"};
  return kNames[static_cast<int>(s)];
}

size_t AppState::reveal(Stage stage) const {
  if (!animating) return SIZE_MAX;
  double k = std::max(0.0, (now - anim_start) * anim_speed);
  double n_tokens = static_cast<double>(tokens.tokens.size()), n_nodes = static_cast<double>(ast_nodes);
  switch (stage) {
    case Stage::kTokens: return static_cast<size_t>(std::min(k, n_tokens));
    case Stage::kAst: return static_cast<size_t>(std::max(0.0, k - n_tokens));
    case Stage::kBytecode: return static_cast<size_t>(std::max(0.0, k - n_tokens - n_nodes));
    default: return 0;
  }
}

Stage AppState::animation_stage() const {
  double k = (now - anim_start) * anim_speed;
  if (k < static_cast<double>(tokens.tokens.size())) return Stage::kTokens;
  if (k < static_cast<double>(tokens.tokens.size() + ast_nodes)) return Stage::kAst;
  return Stage::kBytecode;
}


void AppState::set_file(const std::string& name, const std::string& text) {
  for (auto& f : files) {
    if (f.name == name) {
      f.text = text;
      start_run();
      return;
    }
  }
  files.push_back({name, text});
  start_run();
}

float AppState::since_step(double seconds) const {
  return static_cast<float>(std::clamp((now - step_changed_at) / seconds, 0.0, 1.0));
}

App::App() {
  // The registry: every panel, in the order of the layout below.
  panels_.push_back(std::make_unique<EditorPanel>());
  panels_.push_back(make_program_panel());
  panels_.push_back(std::make_unique<TokensPanel>());
  panels_.push_back(std::make_unique<AstPanel>());
  panels_.push_back(std::make_unique<ScopesPanel>());
  panels_.push_back(std::make_unique<BytecodePanel>());
  panels_.push_back(make_output_panel());
  panels_.push_back(make_vm_panel());
  panels_.push_back(make_heap_panel());
  panels_.push_back(make_gc_panel());
  panels_.push_back(make_memory_panel());
  panels_.push_back(make_pyc_panel());
  panels_.push_back(make_imports_panel());
  panels_.push_back(make_exit_panel());
  load("<editor>", kWelcome);
}

void App::load(std::string filename, std::string text) {
  // An editor being typed in keeps its own copy of the text: let it go, or
  // it would write the old program back.
  if (ImGui::GetCurrentContext()) ImGui::ClearActiveID();
  state_.lesson.reset();
  state_.filename = std::move(filename);
  state_.program = std::move(text);
  state_.refresh();
  state_.start_run();
}

void App::frame() {
  ++state_.frame_count;
  state_.now = ImGui::GetTime();
  state_.highlight_line = state_.hovered_line;
  state_.hovered_line = 0;
  state_.highlight_span = state_.hovered_span;
  state_.hovered_span = {};
  state_.highlight_code = std::move(state_.linked_code);
  state_.highlight_offset = state_.linked_offset;
  state_.linked_code.clear();
  state_.linked_offset = -1;
  state_.shown_pointer_line = state_.pointer_line;
  state_.shown_pointer_col = state_.pointer_col;
  state_.pointer_line = 0;
  state_.pointer_col = -1;
  // An edit runs the program again once typing pauses (half a second).
  if (state_.edited_at >= 0 && state_.now - state_.edited_time > 0.5) state_.start_run();
  timeline_keys(state_);
  state_.run.tick(ImGui::GetIO().DeltaTime);
  if (state_.animating) {
    // The panel of the stage being built comes to the front; at the end
    // the VM takes over.
    Stage s = state_.animation_stage();
    if (s != state_.focus) {
      state_.focus = s;
      state_.raise_panel = stage_panel(s);
    }
    if (state_.reveal(Stage::kBytecode) >= state_.instructions) {
      state_.animating = false;
      state_.focus = Stage::kVm;
      state_.raise_panel = "VM";
    }
  }
  state_.step_changed = state_.run.step() != state_.shown_step || state_.run.event_index() != state_.shown_event;
  if (state_.step_changed) {
    state_.shown_step = state_.run.step();
    state_.shown_event = state_.run.event_index();
    state_.step_changed_at = state_.now;
  }

  // The UI scale: Ctrl + and Ctrl - (SDL scancodes: = 46, - 45, keypad
  // + 87 and - 86, 0 39); the platform loop rasterises the fonts again.
  ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && !io.WantTextInput) {
    if (ImGui::IsKeyPressed(46) || ImGui::IsKeyPressed(87)) state_.set_scale(state_.ui_scale * 1.15f);
    if (ImGui::IsKeyPressed(45) || ImGui::IsKeyPressed(86)) state_.set_scale(state_.ui_scale / 1.15f);
    if (ImGui::IsKeyPressed(39)) state_.set_scale(1.0f);
  }
  state_.layout.clear();
  state_.panels.clear();
  state_.heap_drawn = {};
  if (state_.pasting > 0) --state_.pasting;
  // The characters on screen the app font lacks (a few times a second).
  if (state_.frame_count % 10 == 1) {
    note_glyphs(state_, state_.program);
    for (const auto& f : state_.files) note_glyphs(state_, f.text);
    if (state_.run.ready()) note_glyphs(state_, std::string_view(state_.run.final_output()).substr(0, 1 << 20));
  }

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImGuiStyle& style = ImGui::GetStyle();
  // The bars are as tall as their wrapped rows were last frame.
  const float row = ImGui::GetFrameHeightWithSpacing();
  const float bar_height = std::max(bar_used_, row) + style.WindowPadding.y * 2;
  const float timeline_height = std::max(timeline_used_, row * 2) + style.WindowPadding.y * 2;
  // The layout follows the window's size and the view; in between,
  // panels may be moved.
  bool relayout = vp->WorkSize.x != laid_out_w_ || vp->WorkSize.y != laid_out_h_ || bar_height != laid_out_bar_ ||
                  timeline_height != laid_out_timeline_ || state_.reset_layout;
  state_.reset_layout = false;
  laid_out_w_ = vp->WorkSize.x;
  laid_out_h_ = vp->WorkSize.y;
  laid_out_bar_ = bar_height;
  laid_out_timeline_ = timeline_height;
  const ImGuiWindowFlags bar_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse;

  // Pipeline bar across the top, timeline across the bottom.
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, bar_height));
  ImGui::Begin("Pipeline", nullptr, bar_flags);
  float y0 = ImGui::GetCursorPosY();
  draw_pipeline(state_);
  bar_used_ = ImGui::GetCursorPosY() - y0 - style.ItemSpacing.y;
  ImGui::End();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - timeline_height));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, timeline_height));
  ImGui::Begin("Timeline", nullptr, bar_flags);
  y0 = ImGui::GetCursorPosY();
  draw_timeline(state_);
  timeline_used_ = ImGui::GetCursorPosY() - y0 - style.ItemSpacing.y;
  ImGui::End();

  // Panels tiled in between, in four columns: writing the program; its
  // front stages; its bytecode and output; the running VM and its heap.
  // Rects are fractions of the area (x, y, w, h), in registry order.
  static constexpr float kLayout[][4] = {
      {0.00f, 0.00f, 0.22f, 0.40f},  // Editor
      {0.00f, 0.40f, 0.22f, 0.60f},  // Program
      {0.22f, 0.00f, 0.19f, 0.34f},  // Tokens
      {0.22f, 0.34f, 0.19f, 0.38f},  // AST
      {0.22f, 0.72f, 0.19f, 0.28f},  // Scopes
      {0.41f, 0.00f, 0.25f, 0.62f},  // Bytecode
      {0.41f, 0.62f, 0.25f, 0.38f},  // Output
      {0.66f, 0.00f, 0.34f, 0.52f},  // VM
      {0.66f, 0.52f, 0.34f, 0.48f},  // Heap
      {0.66f, 0.52f, 0.34f, 0.48f},  // GC (over the heap: the bar above switches)
      {0.66f, 0.52f, 0.34f, 0.48f},  // Memory
      {0.41f, 0.62f, 0.25f, 0.38f},  // .pyc (in the output's place)
      {0.41f, 0.62f, 0.25f, 0.38f},  // Imports
      {0.41f, 0.62f, 0.25f, 0.38f},  // Exit
  };
  // Learner: the code (editable, with the run's markers), Frames + Heap,
  // the output; nothing else.
  static constexpr float kLearner[][4] = {
      {0.00f, 0.00f, 0.45f, 0.66f},  // Editor
      {-1, 0, 0, 0},                 // Program (the editor shows the run)
      {-1, 0, 0, 0},                 // Tokens
      {-1, 0, 0, 0},                 // AST
      {-1, 0, 0, 0},                 // Scopes
      {-1, 0, 0, 0},                 // Bytecode
      {0.00f, 0.66f, 0.45f, 0.34f},  // Output
      {-1, 0, 0, 0},                 // VM
      {0.45f, 0.00f, 0.55f, 1.00f},  // Heap
      {-1, 0, 0, 0},                 // GC
      {-1, 0, 0, 0},                 // Memory
      {-1, 0, 0, 0},                 // .pyc
      {-1, 0, 0, 0},                 // Imports
      {-1, 0, 0, 0},                 // Exit
  };
  // Embedded (?embed=1): the running program only, read-only.
  static constexpr float kEmbedded[][4] = {
      {-1, 0, 0, 0},                 // Editor (hidden)
      {0.00f, 0.00f, 0.40f, 1.00f},  // Program
      {-1, 0, 0, 0},                 // Tokens
      {-1, 0, 0, 0},                 // AST
      {-1, 0, 0, 0},                 // Scopes
      {-1, 0, 0, 0},                 // Bytecode
      {0.40f, 0.62f, 0.60f, 0.38f},  // Output
      {0.40f, 0.00f, 0.30f, 0.62f},  // VM
      {0.70f, 0.00f, 0.30f, 0.62f},  // Heap
      {-1, 0, 0, 0},                 // GC (hidden)
      {-1, 0, 0, 0},                 // Memory (hidden)
      {-1, 0, 0, 0},                 // .pyc (hidden)
      {-1, 0, 0, 0},                 // Imports (hidden)
      {-1, 0, 0, 0},                 // Exit (hidden)
  };
  if (state_.embed != laid_out_embed_ || state_.internals != laid_out_internals_) relayout = true;
  laid_out_embed_ = state_.embed;
  laid_out_internals_ = state_.internals;
  const float top = vp->WorkPos.y + bar_height;
  const float height = vp->WorkSize.y - bar_height - timeline_height;
  // A panel asked for that the Learner view has not: the Internals view.
  if (!state_.raise_panel.empty() && !state_.embed && !state_.internals) {
    static const char* const kLearnerPanels[] = {"Editor", "Output", "Heap"};
    bool learner = std::any_of(std::begin(kLearnerPanels), std::end(kLearnerPanels),
                               [&](const char* t) { return state_.raise_panel == t; });
    if (!learner) {
      state_.internals = true;
      relayout = true;
      laid_out_internals_ = true;
    }
  }
  // Panels sharing a place: the one asked for is drawn there.
  if (const SharedPlace* p = place_of(state_.raise_panel)) state_.in_front[p->name] = state_.raise_panel;
  for (size_t i = 0; i < panels_.size(); ++i) {
    const SharedPlace* place = place_of(panels_[i]->title());
    const bool learner = !state_.embed && !state_.internals;
    if (place && state_.front(place->name) != panels_[i]->title() && !state_.embed && !learner) continue;
    const auto& table = state_.embed ? kEmbedded : learner ? kLearner : kLayout;
    const float* row = table[std::min(i, std::size(kLayout) - 1)];
    if (row[0] < 0) continue;
    // The view's place, or where the learner put the panel.
    PanelRect r{row[0], row[1], row[2], row[3]};
    std::map<std::string, PanelRect>* places =
        state_.embed ? nullptr : &state_.panel_places[state_.internals ? "internals" : "learner"];
    if (places) {
      if (auto it = places->find(panels_[i]->title()); it != places->end()) r = it->second;
    }
    const ImVec2 want_pos(vp->WorkPos.x + r.x * vp->WorkSize.x, top + r.y * height);
    const ImVec2 want_size(r.w * vp->WorkSize.x, r.h * height);
    ImGuiCond cond = relayout ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
    ImGui::SetNextWindowPos(want_pos, cond);
    ImGui::SetNextWindowSize(want_size, cond);
    if (state_.raise_panel == panels_[i]->title()) ImGui::SetNextWindowFocus();
    if (ImGui::Begin(panels_[i]->title(), nullptr, ImGuiWindowFlags_NoCollapse)) panels_[i]->draw(state_);
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) state_.last_panel = panels_[i]->title();
    ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    // Moved or resized by the learner (the mouse on it): remembered, as
    // fractions of the area, for this view.
    const bool by_mouse = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    if (places && !relayout && by_mouse && ImGui::IsWindowFocused() && height > 0 && vp->WorkSize.x > 0 &&
        (std::fabs(pos.x - want_pos.x) > 1 || std::fabs(pos.y - want_pos.y) > 1 ||
         std::fabs(size.x - want_size.x) > 1 || std::fabs(size.y - want_size.y) > 1)) {
      (*places)[panels_[i]->title()] = {(pos.x - vp->WorkPos.x) / vp->WorkSize.x, (pos.y - top) / height,
                                        size.x / vp->WorkSize.x, size.y / height};
    }
    panel_rects_[panels_[i]->title()] = {pos.x, pos.y, size.x, size.y};
    state_.panels.push_back({panels_[i]->title(), pos.x, pos.y, size.x, size.y});
    ImGui::End();
  }
  state_.raise_panel.clear();
  if (state_.lesson) draw_caption();
  if (!state_.lesson_request.empty()) {
    std::string name = std::move(state_.lesson_request);
    state_.lesson_request.clear();
    open_lesson(name);
  }
  if (!state_.load_request.empty()) {
    std::string name = std::move(state_.load_request);
    state_.load_request.clear();
    for (const Example& e : examples()) {
      if (name == e.name) load(e.name, e.text);
    }
  }
}

Settings App::settings() const {
  Settings s;
  s.ui_scale = state_.ui_scale;
  s.light = state_.light;
  s.internals = state_.internals;
  for (const auto& [view, places] : state_.panel_places) {
    if (!places.empty()) s.panels[view] = places;
  }
  return s;
}

void App::apply(const Settings& s) {
  state_.set_scale(s.ui_scale);
  state_.light = s.light;
  apply_theme(s.light);
  state_.applied_scale = 0;  // the style again, in the theme
  state_.internals = s.internals;
  state_.panel_places = s.panels;
  state_.reset_layout = true;
}

void App::start_lesson(Lesson lesson) {
  state_.files.clear();
  for (const LessonFile& f : lesson.files_at(0)) state_.files.push_back({f.name, f.text});
  load("<lesson>", lesson.program);
  state_.lesson = std::move(lesson);
  go_to_stop(0);
}

void App::go_to_stop(size_t index) {
  if (!state_.lesson || state_.lesson->stops.empty()) return;
  index = std::min(index, state_.lesson->stops.size() - 1);
  state_.stop = index;
  const LessonStop& s = state_.lesson->stops[index];
  // The program's modules as they are at this stop: an edit runs it again.
  std::vector<AppState::ProgramFile> files;
  for (const LessonFile& f : state_.lesson->files_at(index)) files.push_back({f.name, f.text});
  auto same = [](const AppState::ProgramFile& a, const AppState::ProgramFile& b) { return a.name == b.name && a.text == b.text; };
  if (!std::equal(files.begin(), files.end(), state_.files.begin(), state_.files.end(), same)) {
    state_.files = std::move(files);
    state_.start_run();
  }
  static const std::pair<const char*, Stage> kByName[] = {
      {"source", Stage::kSource}, {"tokens", Stage::kTokens}, {"ast", Stage::kAst},
      {"bytecode", Stage::kBytecode}, {"vm", Stage::kVm}, {"termination", Stage::kTermination}};
  for (const auto& [name, stage] : kByName) {
    if (s.stage == name) state_.focus = stage;
  }
  RunModel& run = state_.run;
  run.set_playing(false);
  switch (s.kind) {
    case LessonStop::Kind::kStage: break;
    case LessonStop::Kind::kStep: run.seek(s.step + 1); break;  // after s.step instructions
    case LessonStop::Kind::kLine: run.seek_line(s.line, s.occurrence); break;
    case LessonStop::Kind::kEnd: run.seek(run.total() + 1); break;
  }
  state_.raise_panel = s.panel.empty() ? stage_panel(state_.focus) : s.panel;
}

// Demo mode's caption: over the stop's panel, with Previous / Next.
bool App::open_lesson(const std::string& name) {
  for (const Example& e : lessons()) {
    if (name != e.name) continue;
    LessonResult r = parse_lesson(e.text);
    if (!r.ok) return false;
    start_lesson(std::move(r.lesson));
    return true;
  }
  return false;
}

void App::draw_caption() {
  const Lesson& lesson = *state_.lesson;
  const LessonStop& s = lesson.stops[state_.stop];
  std::string panel = s.panel.empty() ? stage_panel(state_.focus) : s.panel;
  // In the Learner view the code is the Editor's.
  if (!state_.internals && panel == "Program") panel = "Editor";
  auto it = panel_rects_.find(panel);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  std::array<float, 4> r = it != panel_rects_.end() ? it->second
                                                   : std::array<float, 4>{vp->WorkPos.x, vp->WorkPos.y, vp->WorkSize.x, vp->WorkSize.y};
  // Beside the panel it explains, on the side with room (never over it);
  // with room on neither side, below or above it; else at the bottom.
  const float em = ImGui::GetFontSize();
  const float width = std::clamp(std::max(r[0] - vp->WorkPos.x, vp->WorkPos.x + vp->WorkSize.x - r[0] - r[2]) - 16.0f,
                                 18.0f * em, 34.0f * em);
  const float right_room = vp->WorkPos.x + vp->WorkSize.x - (r[0] + r[2]), left_room = r[0] - vp->WorkPos.x;
  ImVec2 pos, pivot(0.0f, 0.0f);
  if (right_room >= width + 8.0f) {
    pos = ImVec2(r[0] + r[2] + 4.0f, r[1] + 4.0f);
  } else if (left_room >= width + 8.0f) {
    pos = ImVec2(r[0] - 4.0f, r[1] + 4.0f);
    pivot = ImVec2(1.0f, 0.0f);
  } else if (vp->WorkPos.y + vp->WorkSize.y - (r[1] + r[3]) > 8.0f * em) {
    pos = ImVec2(r[0] + 8.0f, r[1] + r[3] + 4.0f);
  } else if (r[1] - vp->WorkPos.y > 8.0f * em) {
    pos = ImVec2(r[0] + 8.0f, r[1] - 4.0f);
    pivot = ImVec2(0.0f, 1.0f);
  } else {
    pos = ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8.0f, vp->WorkPos.y + vp->WorkSize.y - 8.0f);
    pivot = ImVec2(1.0f, 1.0f);
  }
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always, pivot);
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.96f);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.16f, 0.20f, 0.30f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Border, warning_text());
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.96f, 0.96f, 0.96f, 1.0f));
  ImGui::Begin("##caption", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  // Where it is and the panel it explains, for the layout tests.
  state_.layout.push_back({"lesson panel", r[0], r[1], r[2], r[3]});
  ImGui::PushTextWrapPos(width - 16.0f);
  ImGui::TextColored(warning_text(), "%s  (%zu/%zu)", lesson.title.c_str(), state_.stop + 1,
                     lesson.stops.size());
  ImGui::Separator();
  ImGui::TextUnformatted(s.caption.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  bool first = state_.stop == 0, last = state_.stop + 1 >= lesson.stops.size();
  if (first) ImGui::BeginDisabled();
  bool prev = ImGui::Button("< Previous");
  if (first) ImGui::EndDisabled();
  ImGui::SameLine();
  if (last) ImGui::BeginDisabled();
  bool next = ImGui::Button("Next >");
  if (last) ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled("Enter / Backspace");
  {
    ImVec2 p = ImGui::GetWindowPos(), z = ImGui::GetWindowSize();
    state_.layout.push_back({"caption", p.x, p.y, z.x, z.y});
  }
  ImGui::End();
  ImGui::PopStyleColor(3);
  if (!ImGui::GetIO().WantTextInput) {
    next = next || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    prev = prev || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace));
  }
  if (next && !last) go_to_stop(state_.stop + 1);
  if (prev && !first) go_to_stop(state_.stop - 1);
}

void AppState::set_scale(float scale) { ui_scale = std::clamp(scale, kMinScale, kMaxScale); }

void apply_theme(bool light) {
  ImVec4* c = ImGui::GetStyle().Colors;
  // ImGui's themes, with the text that is too faint for WCAG AA (4.5:1)
  // darker or lighter (tests/unit/test_theme.cpp).
  if (light) {
    ImGui::StyleColorsLight();
    c[ImGuiCol_TextDisabled] = ImVec4(0.34f, 0.34f, 0.36f, 1.0f);
  } else {
    ImGui::StyleColorsDark();
    c[ImGuiCol_TextDisabled] = ImVec4(0.64f, 0.64f, 0.66f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.20f, 0.42f, 0.75f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.16f, 0.36f, 0.68f, 1.0f);
  }
}

// Latin, Greek, Cyrillic, punctuation (— …), arrows (→), box drawing and
// shapes (▶); the web app's font is cut down to these (CMakeLists.txt,
// pylife_web_font).
constexpr ImWchar kAppRanges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x2000, 0x206F,
                                  0x2190, 0x21FF, 0x2500, 0x257F, 0x25A0, 0x25FF, 0};

int setup_imgui_style(const char* font_path, float scale, float density, bool light,
                       const std::vector<uint32_t>& extra, const std::vector<std::string>& fallbacks) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  apply_theme(light);
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.ScaleAllSizes(scale);
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  int merged = 0;
  if (font_path) {
    if (FILE* f = std::fopen(font_path, "rb")) {
      std::fclose(f);
      // Rasterised at the screen's density and drawn at 1/density: crisp
      // text on a HiDPI canvas whose coordinates stay in CSS pixels.
      const float size = 16.0f * scale * density;
      ImFont* font = io.Fonts->AddFontFromFileTTF(font_path, size, nullptr, kAppRanges);
      io.FontGlobalScale = 1.0f / density;
      // The rest, from the fallback fonts: only the code points in use,
      // each from the font of its script (fallback_font_of).
      std::vector<uint32_t> by_font[kFallbackFonts];
      for (uint32_t cp : extra) {
        if (cp <= IM_UNICODE_CODEPOINT_MAX) by_font[fallback_font_of(cp)].push_back(cp);
      }
      // A glyph's advance is known once the atlas is built: built once
      // alone to measure the grid's cell, then again with the merges.
      float advance = size * 0.6f;
      if (font && !extra.empty() && io.Fonts->Build()) {
        if (const ImFontGlyph* m = font->FindGlyphNoFallback('M')) advance = m->AdvanceX;
        io.Fonts->Clear();
        font = io.Fonts->AddFontFromFileTTF(font_path, size, nullptr, kAppRanges);
      }
      static ImVector<ImWchar> ranges[kFallbackFonts][2];  // narrow, wide: alive until the atlas is built
      for (int k = 0; k < kFallbackFonts && k < static_cast<int>(fallbacks.size()); ++k) {
        if (by_font[k].empty()) continue;
        FILE* ff = std::fopen(fallbacks[k].c_str(), "rb");
        if (!ff) continue;
        std::fclose(ff);
        ++merged;
        for (int w = 0; w < 2; ++w) {
          ImVector<ImWchar>& r = ranges[k][w];
          r.clear();
          for (uint32_t cp : by_font[k]) {
            if (is_wide(cp) != (w == 1)) continue;
            r.push_back(static_cast<ImWchar>(cp));
            r.push_back(static_cast<ImWchar>(cp));
          }
          if (r.empty()) continue;
          r.push_back(0);
          ImFontConfig config;
          config.MergeMode = true;
          // One cell or two of the monospaced grid, whatever the glyph's own.
          config.GlyphMinAdvanceX = config.GlyphMaxAdvanceX = w == 1 ? advance * 2 : advance;
          io.Fonts->AddFontFromFileTTF(fallbacks[k].c_str(), size, &config, r.Data);
        }
      }
    }
  }
  return merged;
}

bool in_app_font(uint32_t cp) {
  for (size_t i = 0; kAppRanges[i]; i += 2) {
    if (cp >= kAppRanges[i] && cp <= kAppRanges[i + 1]) return true;
  }
  return false;
}

int fallback_font_of(uint32_t cp) {
  if (cp < 0x2000) return 0;                                // other alphabets: DejaVu Sans Mono's own
  if (is_wide(cp) && !(cp >= 0x1F000 && cp < 0x20000)) return 1;  // CJK
  return 2;                                                 // symbols, emoji
}


bool note_glyphs(AppState& state, std::string_view text) {
  bool added = false;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    uint32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + static_cast<size_t>(k) < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<size_t>(k)]) & 0x3F);
    }
    i += static_cast<size_t>(n);
    if (in_app_font(cp)) continue;
    auto it = std::lower_bound(state.extra_glyphs.begin(), state.extra_glyphs.end(), cp);
    if (it != state.extra_glyphs.end() && *it == cp) continue;
    state.extra_glyphs.insert(it, cp);
    added = true;
  }
  if (added) state.glyphs_changed = true;
  return added;
}

}  // namespace pylife::ui
