// Colours shared by the panels (ui/app.cpp, ui/panels_vm.cpp).
#pragma once

#include <string_view>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "pylife/lex.h"

namespace pylife::ui {

// A token's colour in the token chips and the program text.
ImVec4 token_colour(lex::TokenType t);
// Whether the light theme is on (a light window background).
inline bool light_theme() { return ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x > 0.5f; }

// A text colour chosen for the dark theme, darkened for the light one.
inline ImVec4 themed(ImVec4 c) {
  return light_theme() ? ImVec4(c.x * 0.36f, c.y * 0.36f, c.z * 0.36f, c.w) : c;
}
inline ImU32 themed(ImU32 c) { return ImGui::GetColorU32(themed(ImGui::ColorConvertU32ToFloat4(c))); }
// Errors (a traceback, a SyntaxError) and warnings, in both themes.
inline ImVec4 error_text() { return light_theme() ? ImVec4(0.66f, 0.10f, 0.08f, 1.0f) : ImVec4(1.0f, 0.55f, 0.5f, 1.0f); }
inline ImVec4 warning_text() { return light_theme() ? ImVec4(0.52f, 0.30f, 0.0f, 1.0f) : ImVec4(1.0f, 0.8f, 0.35f, 1.0f); }

// The background of the line about to run, of the line that just ran
// (Python Tutor's green arrow), of a line raising an exception; the two
// arrows' colours; line numbers.
inline ImU32 running_line_colour() { return light_theme() ? IM_COL32(212, 225, 252, 255) : IM_COL32(36, 54, 92, 255); }
inline ImU32 just_ran_colour() { return light_theme() ? IM_COL32(205, 235, 205, 255) : IM_COL32(28, 60, 38, 255); }
inline ImU32 raising_line_colour() { return light_theme() ? IM_COL32(250, 200, 195, 255) : IM_COL32(92, 34, 34, 255); }
// The line deeper down the exception was raised at (its call's frame kept).
inline ImU32 raised_line_colour() { return light_theme() ? IM_COL32(252, 222, 218, 255) : IM_COL32(66, 32, 40, 255); }
inline ImU32 just_ran_marker() { return light_theme() ? IM_COL32(15, 92, 35, 255) : IM_COL32(140, 232, 160, 255); }
inline ImU32 next_marker() { return light_theme() ? IM_COL32(160, 22, 12, 255) : IM_COL32(255, 158, 140, 255); }
inline ImU32 line_number_colour() { return light_theme() ? IM_COL32(78, 82, 92, 255) : IM_COL32(172, 176, 186, 255); }

// The heap's and the operand stack's boxes: fill, border, their type
// line, their text and the values in them, secondary text.
inline ImU32 box_fill() { return light_theme() ? IM_COL32(250, 251, 253, 255) : IM_COL32(34, 40, 54, 255); }
inline ImU32 box_border() { return light_theme() ? IM_COL32(120, 130, 150, 255) : IM_COL32(110, 125, 150, 255); }
inline ImU32 box_head() { return light_theme() ? IM_COL32(25, 70, 150, 255) : IM_COL32(150, 200, 255, 255); }
inline ImU32 box_text() { return light_theme() ? IM_COL32(20, 22, 26, 255) : IM_COL32(225, 225, 225, 255); }
inline ImU32 box_value() { return light_theme() ? IM_COL32(30, 90, 30, 255) : IM_COL32(180, 220, 160, 255); }
inline ImU32 muted_text() { return light_theme() ? IM_COL32(80, 84, 96, 255) : IM_COL32(160, 168, 185, 255); }
inline ImU32 hover_line_colour() { return light_theme() ? IM_COL32(225, 228, 240, 255) : IM_COL32(60, 60, 80, 255); }

// Where the run's markers go in the code (0: nowhere): the line that runs
// next, the one that just ran, whether the step raises, and the span of
// what the next instruction evaluates.
struct RunMarks {
  int next = 0, last = 0;
  bool raising = false;
  std::vector<int> raised;  // an exception on its way out: the lines of the calls it came through, deeper in
  int span_line = 0, span_col = 0, span_end_col = 0;  // code-point columns
};
// [main]: the code shown is the program's (not one of its modules).
RunMarks run_marks(const RunModel& run, bool main = true);

// The advance of one character of the (monospaced) font as drawn: the
// glyph's advance at the font's size, times the global scale a HiDPI
// canvas applies.  CalcTextSize would round up to whole pixels.
inline float char_advance() {
  return ImGui::GetFont()->GetCharAdvance('M') * ImGui::GetFontSize() / ImGui::GetFont()->FontSize;
}

// Boxes behind the characters of [span] on [line] (x of a code-point
// column given by [x_at]): the hovered span, and the AST node selected.
template <typename XAt>
void draw_span(ImDrawList* dl, const Span& span, int line, int line_length, float y, float height, XAt x_at, ImU32 colour) {
  if (span.empty() || line < span.line || line > span.end_line) return;
  int c0 = line == span.line ? span.col : 0;
  int c1 = line == span.end_line ? span.end_col : line_length;
  if (c1 <= c0) c1 = c0 + 1;
  dl->AddRectFilled(ImVec2(x_at(c0), y), ImVec2(x_at(c1), y + height), colour, 2.0f);
}

// A red wave from [x0] to [x1] at [y]: under what a SyntaxError points at.
inline void draw_error_wave(ImDrawList* dl, float x0, float x1, float y) {
  for (float x = x0; x < x1; x += 4.0f) {
    dl->AddLine(ImVec2(x, y), ImVec2(x + 2.0f, y + 2.0f), IM_COL32(255, 80, 80, 255), 1.5f);
    dl->AddLine(ImVec2(x + 2.0f, y + 2.0f), ImVec2(x + 4.0f, y), IM_COL32(255, 80, 80, 255), 1.5f);
  }
}

// Python's keywords (soft keywords match/case excluded), and their colour.
bool is_keyword(std::string_view s);
ImVec4 keyword_colour();

}  // namespace pylife::ui
