// What the visualizer remembers between sessions (ui/settings.h): the
// text round-trips, and a damaged file is read as far as it makes sense.
#include <catch2/catch.hpp>

#include "settings.h"

using pylife::ui::format_settings;
using pylife::ui::parse_settings;
using pylife::ui::Settings;

TEST_CASE("settings: scale, theme, view and panel places round-trip", "[ui][settings]") {
  Settings s;
  s.ui_scale = 1.32f;
  s.light = true;
  s.internals = true;
  s.panels["learner"]["Heap"] = {0.5f, 0.0f, 0.5f, 0.75f};
  s.panels["internals"][".pyc"] = {0.41f, 0.62f, 0.25f, 0.38f};
  s.panels["internals"]["Editor"] = {0.0f, 0.0f, 0.3f, 0.4f};
  std::string text = format_settings(s);
  CHECK(text ==
        "scale 1.32\ntheme light\nview internals\n"
        "panel internals 0.41 0.62 0.25 0.38 .pyc\npanel internals 0 0 0.3 0.4 Editor\n"
        "panel learner 0.5 0 0.5 0.75 Heap\n");
  CHECK(parse_settings(text) == s);
  CHECK(parse_settings(format_settings(Settings{})) == Settings{});
}

TEST_CASE("settings: a damaged file gives defaults where it is damaged", "[ui][settings]") {
  Settings s = parse_settings(
      "scale 40\n"                          // clamped to 3
      "theme purple\n"                      // ignored
      "view learner\n"
      "panel learner 0.1 0.1 0.5\n"          // too few numbers
      "panel sideways 0 0 0.5 0.5 Heap\n"    // no such view
      "panel learner 0 0 0.001 0.5 Heap\n"   // too small to find again
      "panel learner nan 0 0.5 0.5 Heap\n"   // not a number
      "panel learner 0 0 0.5 0.5\n"          // no title
      "panel learner 0.25 0 0.75 1 Output\n"
      "\x01\xff garbage\n");
  CHECK(s.ui_scale == 3.0f);
  CHECK_FALSE(s.light);
  CHECK_FALSE(s.internals);
  REQUIRE(s.panels.size() == 1);
  REQUIRE(s.panels["learner"].size() == 1);
  CHECK(s.panels["learner"]["Output"] == pylife::ui::PanelRect{0.25f, 0.0f, 0.75f, 1.0f});
  CHECK(parse_settings("scale 0.1\n").ui_scale == 0.75f);
  CHECK(parse_settings("").ui_scale == 1.0f);
}
