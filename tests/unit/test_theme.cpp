// Both themes' text is readable: WCAG AA's contrast of at least 4.5:1
// between every text colour the app draws with and the backgrounds it is
// drawn on, ImGui's own and pylife's (the code's token colours, the line
// markers).  Native only: it needs the UI library and ImGui's context.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "style.h"

namespace {

// WCAG 2's relative luminance of an sRGB colour.
double luminance(ImVec4 c) {
  auto lin = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(c.x) + 0.7152 * lin(c.y) + 0.0722 * lin(c.z);
}

double contrast(ImVec4 a, ImVec4 b) {
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// [top] with its alpha over the opaque [under].
ImVec4 over(ImVec4 top, ImVec4 under) {
  float a = top.w;
  return ImVec4(top.x * a + under.x * (1 - a), top.y * a + under.y * (1 - a), top.z * a + under.z * (1 - a), 1.0f);
}

ImVec4 u32(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

TEST_CASE("both themes' text has WCAG AA contrast (4.5:1) on its backgrounds", "[ui][theme]") {
  ImGui::CreateContext();
  for (bool light : {false, true}) {
    pylife::ui::apply_theme(light);
    const ImVec4* c = ImGui::GetStyle().Colors;
    const ImVec4 window = over(c[ImGuiCol_WindowBg], ImVec4(0, 0, 0, 1));
    const ImVec4 frame = over(c[ImGuiCol_FrameBg], window);
    std::vector<std::pair<std::string, ImVec4>> backgrounds = {
        {"window", window},
        {"frame (editor, inputs)", frame},
        {"button", over(c[ImGuiCol_Button], window)},
        {"button hovered", over(c[ImGuiCol_ButtonHovered], window)},
        {"header (selected row)", over(c[ImGuiCol_Header], window)},
        {"popup", over(c[ImGuiCol_PopupBg], window)},
        {"title bar", over(c[ImGuiCol_TitleBgActive], window)},
        {"tab", over(c[ImGuiCol_TabActive], window)},
        {"line that runs next", over(u32(pylife::ui::running_line_colour()), frame)},
        {"line that just ran", over(u32(pylife::ui::just_ran_colour()), frame)},
        {"line raising", over(u32(pylife::ui::raising_line_colour()), frame)},
        {"line the exception came from", over(u32(pylife::ui::raised_line_colour()), frame)},
    };
    std::vector<std::pair<std::string, ImVec4>> texts = {{"text", c[ImGuiCol_Text]}};
    // The code's colours are drawn on the editor, its lines' markers on
    // the window and the editor.
    std::vector<std::pair<std::string, ImVec4>> code = {
        {"keyword", pylife::ui::keyword_colour()},
        {"NAME", pylife::ui::token_colour(pylife::lex::TokenType::NAME)},
        {"NUMBER", pylife::ui::token_colour(pylife::lex::TokenType::NUMBER)},
        {"STRING", pylife::ui::token_colour(pylife::lex::TokenType::STRING)},
        {"COMMENT", pylife::ui::token_colour(pylife::lex::TokenType::COMMENT)},
        {"OP", pylife::ui::token_colour(pylife::lex::TokenType::OP)},
        {"NEWLINE", pylife::ui::token_colour(pylife::lex::TokenType::NEWLINE)},
        {"ERRORTOKEN", pylife::ui::token_colour(pylife::lex::TokenType::ERRORTOKEN)},
        {"line numbers", u32(pylife::ui::line_number_colour())},
        {"next-line arrow", u32(pylife::ui::next_marker())},
        {"just-ran arrow", u32(pylife::ui::just_ran_marker())},
    };
    for (const auto& [tn, t] : texts) {
      for (const auto& [bn, b] : backgrounds) {
        INFO((light ? "light: " : "dark: ") << tn << " on " << bn << " " << contrast(t, b));
        CHECK(contrast(t, b) >= 4.5);
      }
    }
    // Disabled text is the app's secondary text (hints, counts): it must
    // be readable too, on windows and frames.
    for (const auto& b : {window, frame}) {
      INFO((light ? "light: " : "dark: ") << "secondary text " << contrast(c[ImGuiCol_TextDisabled], b));
      CHECK(contrast(c[ImGuiCol_TextDisabled], b) >= 4.5);
    }
    // Errors and warnings, on windows and frames.
    for (const auto& [tn, t] : {std::pair<const char*, ImVec4>{"error", pylife::ui::error_text()},
                                {"warning", pylife::ui::warning_text()}}) {
      for (const auto& b : {window, frame}) {
        INFO((light ? "light: " : "dark: ") << tn << " text " << contrast(t, b));
        CHECK(contrast(t, b) >= 4.5);
      }
    }
    // The heap's and the operand stack's boxes.
    const ImVec4 box = u32(pylife::ui::box_fill());
    for (ImU32 t : {pylife::ui::box_text(), pylife::ui::box_head(), pylife::ui::box_value(), pylife::ui::muted_text()}) {
      INFO((light ? "light: " : "dark: ") << "box text " << contrast(u32(t), box));
      CHECK(contrast(u32(t), box) >= 4.5);
      CHECK(contrast(u32(t), window) >= 4.5);
    }
    for (const auto& [tn, t] : code) {
      for (const auto& b : {frame, window, over(u32(pylife::ui::running_line_colour()), frame)}) {
        INFO((light ? "light: " : "dark: ") << tn << " " << contrast(t, b));
        CHECK(contrast(t, b) >= 4.5);
      }
    }
  }
  ImGui::DestroyContext();
}
