// The web playground's entry: the same App as the desktop, driven by
// emscripten_set_main_loop, plus the small C API that public/index.html
// wraps as `window.pylife`.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <string>

#include "app.h"
#include "window.h"

namespace {

pylife::ui::App* g_app = nullptr;        // the one app of this page
pylife::ui::Window* g_window = nullptr;  // its canvas
std::string g_state_json;                // storage for pylife_state_json()

// Keeps the canvas the size of the browser window.
void fit_canvas() {
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  int cw = 0, ch = 0;
  SDL_GetWindowSize(g_window->sdl_window(), &cw, &ch);
  if (static_cast<int>(w) != cw || static_cast<int>(h) != ch) {
    SDL_SetWindowSize(g_window->sdl_window(), static_cast<int>(w), static_cast<int>(h));
  }
}

void main_loop() {
  fit_canvas();
  g_window->frame(*g_app);
  if (g_app->state().frame_count == 2) {
    // Two frames drawn: the page is interactive.
    EM_ASM({
      if (Module.onPylifeReady) Module.onPylifeReady();
    });
  }
}

// Escapes [s] for a JSON string literal.
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

extern "C" {

// The app's state as JSON, for window.pylife.state().
EMSCRIPTEN_KEEPALIVE const char* pylife_state_json() {
  const auto& s = g_app->state();
  static const char* kStageNames[] = {"source", "tokens", "ast", "bytecode", "vm", "termination"};
  g_state_json = "{\"stage\":\"" + std::string(kStageNames[static_cast<int>(s.focus)]) +
                 "\",\"frames\":" + std::to_string(s.frame_count) +
                 ",\"source_ok\":" + (s.decoded.ok ? "true" : "false") +
                 ",\"encoding\":" + json_string(s.decoded.source.encoding) +
                 ",\"tokens\":" + std::to_string(s.tokens.tokens.size()) +
                 ",\"ast_ok\":" + (s.parsed.ok ? "true" : "false") + ",\"error\":" +
                 json_string(s.parsed.ok || !s.decoded.ok
                                 ? std::string()
                                 : pylife::parse::format_error(s.parsed.error, s.filename)) +
                 ",\"bytecode_ok\":" + (s.compiled.ok ? "true" : "false") + ",\"bytecode_note\":" +
                 json_string(s.compiled.ok ? std::string() : s.compiled.error.msg) +
                 ",\"program\":" + json_string(s.program) + "}";
  return g_state_json.c_str();
}

// Loads [source] into the editor.
EMSCRIPTEN_KEEPALIVE void pylife_load(const char* source) {
  g_app->load("<editor>", source);
}

}  // extern "C"

int main() {
  static pylife::ui::App app;
  static pylife::ui::Window window;
  g_app = &app;
  g_window = &window;
  if (!window.open("pylife", 1280, 800, "/fonts/DejaVuSansMono.ttf")) {
    EM_ASM({
      if (Module.onPylifeError) Module.onPylifeError("WebGL 2 could not be started");
    });
    return 1;
  }
  emscripten_set_main_loop(main_loop, 0, true);
  return 0;
}
