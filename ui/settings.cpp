// Settings as text (settings.h).
#include "settings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace pylife::ui {

namespace {

std::string number(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", static_cast<double>(v));
  return buf;
}

bool fraction(float v) { return std::isfinite(v) && v >= -0.5f && v <= 1.5f; }

}  // namespace

std::string format_settings(const Settings& s) {
  std::string out = "scale " + number(s.ui_scale) + "\n";
  out += std::string("theme ") + (s.light ? "light" : "dark") + "\n";
  out += std::string("view ") + (s.internals ? "internals" : "learner") + "\n";
  for (const auto& [view, panels] : s.panels) {
    for (const auto& [title, r] : panels) {
      out += "panel " + view + " " + number(r.x) + " " + number(r.y) + " " + number(r.w) + " " + number(r.h) + " " +
             title + "\n";
    }
  }
  return out;
}

Settings parse_settings(std::string_view text) {
  Settings s;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string key;
    words >> key;
    if (key == "scale") {
      float v = 0;
      if (words >> v && std::isfinite(v)) s.ui_scale = std::clamp(v, 0.75f, 3.0f);
    } else if (key == "theme") {
      std::string v;
      words >> v;
      if (v == "light" || v == "dark") s.light = v == "light";
    } else if (key == "view") {
      std::string v;
      words >> v;
      if (v == "learner" || v == "internals") s.internals = v == "internals";
    } else if (key == "panel") {
      std::string view;
      PanelRect r;
      if (!(words >> view >> r.x >> r.y >> r.w >> r.h)) continue;
      std::string title;
      std::getline(words >> std::ws, title);
      if ((view != "learner" && view != "internals") || title.empty()) continue;
      if (!fraction(r.x) || !fraction(r.y) || !fraction(r.w) || !fraction(r.h) || r.w < 0.02f || r.h < 0.02f) continue;
      s.panels[view][title] = r;
    }
  }
  return s;
}

}  // namespace pylife::ui
