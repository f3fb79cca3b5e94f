// What the app remembers between sessions: the UI scale, the theme, the
// view, and where the learner put each panel (per view, as fractions of the
// area between the bars, so a layout survives a new window size).  Kept as
// short text (settings.txt beside the autosaved programs natively, the
// page's localStorage in the browser).  No ImGui or SDL here (tested
// directly).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace pylife::ui {

struct PanelRect {
  float x = 0, y = 0, w = 0, h = 0;  // fractions of the panels' area
  bool operator==(const PanelRect&) const = default;
};

struct Settings {
  float ui_scale = 1.0f;
  bool light = false;
  bool internals = false;
  // view ("learner", "internals") -> panel title -> where the learner put it
  std::map<std::string, std::map<std::string, PanelRect>> panels;
  bool operator==(const Settings&) const = default;
};

// One setting a line: `scale 1.25`, `theme light`, `view internals`,
// `panel VIEW X Y W H TITLE`.  Unknown or malformed lines are skipped and
// values are clamped, so a damaged file never stops the app.
std::string format_settings(const Settings& s);
Settings parse_settings(std::string_view text);

}  // namespace pylife::ui
