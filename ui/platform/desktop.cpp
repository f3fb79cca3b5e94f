// The native desktop loop: `pylife gui [FILE]`, with the editor's text
// autosaved beside the app's settings, and `--screenshot` for tests.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app.h"
#include "autosave.h"
#include "settings.h"
#include "pylife/fs.h"
#include "pylife/source.h"
#include "window.h"

namespace pylife::ui {


int run_desktop(const DesktopOptions& options) {
  App app;
  // Demo mode and screenshots never touch the autosaved editor text.
  const std::filesystem::path autosave =
      options.screenshot.empty() && options.demo.empty() ? autosave_path(config_dir(), options.file) : std::filesystem::path();
  std::optional<std::string> saved = autosave.empty() ? std::nullopt : read_text(autosave);
  static fs::DiskFileSystem disk;
  if (options.file) {
    // The program's own modules are imported from its directory.
    std::error_code ec;
    app.state().disk = &disk;
    app.state().disk_dir = std::filesystem::absolute(*options.file, ec).parent_path().string();
    // The CLI has already checked that the file opens and decodes.
    auto read = source::read(disk, *options.file);
    if (read.status == source::ReadSourceResult::Status::kOk) {
      // Edits not yet saved to the file win over it: nothing typed is lost.
      app.load(*options.file, saved && *saved != read.source.text ? *saved : std::move(read.source.text));
    }
  } else if (saved) {
    app.load("<editor>", *saved);
  }
  if (!options.demo.empty()) {
    auto text = read_text(options.demo);
    if (!text) {
      std::cerr << "pylife: cannot read the lesson " << options.demo << "\n";
      return 2;
    }
    LessonResult lesson = parse_lesson(*text);
    if (!lesson.ok) {
      std::cerr << "pylife: " << options.demo << ": " << lesson.error << "\n";
      return 2;
    }
    app.start_lesson(std::move(lesson.lesson));
    app.go_to_stop(options.stop);
  }
  Window window;
  if (!window.open("pylife", options.width, options.height, PYLIFE_FONT_PATH)) {
    window.close();
    return 1;
  }
  AppState& state = app.state();
  // The scale, theme, view and panel places of the last session (not in
  // demo mode or for screenshots: those look the same on every machine);
  // the command line's options win.
  const std::filesystem::path settings_file =
      options.screenshot.empty() && options.demo.empty() && !config_dir().empty() ? config_dir() / "settings.txt"
                                                                                   : std::filesystem::path();
  if (!settings_file.empty()) {
    if (auto text = read_text(settings_file)) app.apply(parse_settings(*text));
  }
  std::string last_settings = format_settings(app.settings());
  if (options.scale > 0) state.set_scale(options.scale);
  if (!options.view.empty()) state.internals = options.view == "internals";
  if (!options.theme.empty()) {
    state.light = options.theme == "light";
    apply_theme(state.light);
    state.applied_scale = 0;  // the style again, in the theme
  }
  if (!options.screenshot.empty()) {
    if (options.steps) {
      state.run.seek(options.steps + 1);  // after N instructions
      // By line: the line step those instructions are in.
      if (state.run.by_line() && state.run.event()) state.run.seek_event(state.run.event_index());
    }
    if (options.line_step) state.run.seek_event(options.line_step - 1);
    if (!options.panel.empty()) state.raise_panel = options.panel;
  }
  // For tests: PYLIFE_GUI_FRAMES=N stops after N frames, and
  // PYLIFE_GUI_SCREENSHOT=FILE.png saves the last of them.
  long max_frames = 0;
  if (const char* env = std::getenv("PYLIFE_GUI_FRAMES")) max_frames = std::atol(env);
  std::string shot = options.screenshot;
  if (const char* env = std::getenv("PYLIFE_GUI_SCREENSHOT"); shot.empty() && env) shot = env;
  if (!options.screenshot.empty() && max_frames == 0) max_frames = 8;  // let the layout and animations settle
  long frames = 0;
  int status = 0;
  std::string last_saved = state.program;
  for (bool running = true; running;) {
    bool last = max_frames > 0 && frames + 1 >= max_frames;
    if (last && !shot.empty()) window.request_screenshot(shot);
    if (!options.screenshot.empty()) {
      if (frames + 1 == max_frames / 2 && !options.panel.empty()) state.raise_panel = options.panel;
      // Keep the pointer off the panels: no hover tooltips in the picture.
      int w = 0, h = 0;
      SDL_GetWindowSize(window.sdl_window(), &w, &h);
      SDL_WarpMouseInWindow(window.sdl_window(), w - 2, 2);
    }
    running = window.frame(app) && !last;
    ++frames;
    if (last && !shot.empty() && !window.screenshot_ok()) {
      std::cerr << "pylife: could not save the screenshot to " << shot << "\n";
      status = 1;
    }
    if (last && !options.layout_report.empty()) {
      int w = 0, h = 0;
      SDL_GetWindowSize(window.sdl_window(), &w, &h);
      std::ofstream report(options.layout_report);
      report << layout_json(state, static_cast<float>(w), static_cast<float>(h)) << "\n";
      if (!report) {
        std::cerr << "pylife: could not write the layout report to " << options.layout_report << "\n";
        status = 1;
      }
    }
    if (!settings_file.empty() && (frames % 30 == 0 || !running)) {
      std::string now = format_settings(app.settings());
      if (now != last_settings) {
        std::error_code ec;
        std::filesystem::create_directories(settings_file.parent_path(), ec);
        save_text(settings_file, now);
        last_settings = now;
      }
    }
    if (state.program != last_saved && (frames % 30 == 0 || !running)) {
      save_text(autosave, state.program);
      last_saved = state.program;
    }
  }
  window.close();
  return status;
}

}  // namespace pylife::ui
