// An SDL2 window with an OpenGL 3 (native) or WebGL 2 (web) context and
// Dear ImGui bound to it.  The desktop loop and the web entry both drive
// the same App through Window::frame().
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

#include "app.h"

namespace pylife::ui {

// The fonts the app's text falls back to beyond its own font's ranges.
std::vector<std::string> fallback_fonts();

class Window {
 public:
  // Creates the window, the GL context and the ImGui context; false (with
  // a message on stderr) when SDL or GL cannot start.
  bool open(const char* title, int width, int height, const char* font_path);
  // Handles pending events and draws one frame of [app]; false once the
  // user has asked to quit.
  bool frame(App& app);
  // Asks for the next frame to be saved to [path] as PNG.
  void request_screenshot(const std::string& path) { pending_screenshot_ = path; }
  // Whether the last requested screenshot was written.
  bool screenshot_ok() const { return screenshot_ok_; }
  // Tears down ImGui, GL and SDL.
  void close();

  SDL_Window* sdl_window() const { return window_; }
  // The display's own scale (its DPI, PYLIFE_UI_SCALE, the browser's
  // devicePixelRatio), which the learner's UI scale multiplies.
  float base_scale() const { return base_scale_; }

 private:
  SDL_Window* window_ = nullptr;
  // Reads the back buffer and writes it to [path].
  bool save_back_buffer(const std::string& path) const;

  SDL_GLContext gl_ = nullptr;
  std::string font_path_;
  float base_scale_ = 1.0f, density_ = 1.0f;  // the display's, under the learner's UI scale
  std::string pending_screenshot_;
  bool screenshot_ok_ = false;
};

}  // namespace pylife::ui
