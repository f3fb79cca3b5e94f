// SDL2 + OpenGL3/WebGL2 set-up shared by native and web (as imgui's own
// example_sdl_opengl3 does, with a few lines of #ifdef __EMSCRIPTEN__).
#include "window.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "backends/imgui_impl_opengl3.h"
#include "backends/imgui_impl_sdl.h"
#include "imgui.h"
#ifndef __EMSCRIPTEN__
#include "png.h"
#endif

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten/html5.h>
#else
#include <SDL_opengl.h>
#endif

namespace pylife::ui {

std::vector<std::string> fallback_fonts() {
#ifdef __EMSCRIPTEN__
  // Fetched by the page when the text first needs them (index.html).
  return {"/fonts/fallback-mono.ttf", "/fonts/fallback-cjk.ttf", "/fonts/fallback-symbols.ttf"};
#else
  // DejaVu Sans Mono's other alphabets, Debian's fonts-droid-fallback
  // (CJK) and fonts-symbola (symbols, emoji).
  return {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
          "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
          "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"};
#endif
}

bool Window::open(const char* title, int width, int height, const char* font_path) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "pylife: cannot start SDL: %s\n", SDL_GetError());
    return false;
  }
#ifdef __EMSCRIPTEN__
  // WebGL 2 is OpenGL ES 3.0.
  const char* glsl_version = "#version 300 es";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
  const char* glsl_version = "#version 130";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
  auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE |
                                            SDL_WINDOW_ALLOW_HIGHDPI);
  window_ =
      SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
  if (!window_) {
    std::fprintf(stderr, "pylife: cannot open a window: %s\n", SDL_GetError());
    return false;
  }
  gl_ = SDL_GL_CreateContext(window_);
  if (!gl_) {
    std::fprintf(stderr, "pylife: cannot create an OpenGL context: %s\n", SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(window_, gl_);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.IniFilename = nullptr;  // layout is the app's, not a file's
  // HiDPI: fonts and sizes follow the display's DPI (96 is 1.0), or
  // PYLIFE_UI_SCALE; the browser's devicePixelRatio is the web entry's.
  float scale = 1.0f;
#ifndef __EMSCRIPTEN__
  float ddpi = 0.0f;
  if (SDL_GetDisplayDPI(0, &ddpi, nullptr, nullptr) == 0 && ddpi > 0.0f) scale = std::clamp(ddpi / 96.0f, 1.0f, 3.0f);
  if (const char* env = std::getenv("PYLIFE_UI_SCALE")) {
    float v = static_cast<float>(std::atof(env));
    if (v >= 0.5f && v <= 4.0f) scale = v;
  }
  if (scale != 1.0f) SDL_SetWindowSize(window_, static_cast<int>(width * scale), static_cast<int>(height * scale));
#endif
  float density = 1.0f;
#ifdef __EMSCRIPTEN__
  // The canvas has devicePixelRatio pixels per CSS pixel (SDL's HIGHDPI).
  density = static_cast<float>(std::clamp(emscripten_get_device_pixel_ratio(), 1.0, 4.0));
#endif
  font_path_ = font_path ? font_path : "";
  base_scale_ = scale;
  density_ = density;
  setup_imgui_style(font_path, scale, density);
  ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
  ImGui_ImplOpenGL3_Init(glsl_version);
  return true;
}

bool Window::frame(App& app) {
  bool running = true;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) running = false;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
        event.window.windowID == SDL_GetWindowID(window_)) {
      running = false;
    }
  }
  // A new UI scale: the fonts rasterised again at that size (not
  // stretched), the style's sizes scaled from the defaults.
  AppState& state = app.state();
  if (state.ui_scale != state.applied_scale || state.glyphs_changed) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    state.fallback_fonts = setup_imgui_style(font_path_.empty() ? nullptr : font_path_.c_str(), base_scale_ * state.ui_scale,
                                             density_, state.light, state.extra_glyphs, fallback_fonts());
    state.glyphs_changed = false;
    ImGui_ImplOpenGL3_CreateFontsTexture();
    state.applied_scale = state.ui_scale;
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  app.frame();
  ImGui::Render();
  ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (!pending_screenshot_.empty()) {
    screenshot_ok_ = save_back_buffer(pending_screenshot_);
    pending_screenshot_.clear();
  }
  SDL_GL_SwapWindow(window_);
  return running;
}

bool Window::save_back_buffer(const std::string& path) const {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window_, &w, &h);
  std::vector<uint8_t> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL's rows run bottom-up; PNG's top-down.
  std::vector<uint8_t> flipped(pixels.size());
  const size_t stride = static_cast<size_t>(w) * 4;
  for (int y = 0; y < h; ++y) {
    std::copy_n(pixels.begin() + static_cast<long>(stride * (h - 1 - y)), stride,
                flipped.begin() + static_cast<long>(stride * y));
  }
#ifdef __EMSCRIPTEN__
  (void)path;
  return false;  // the browser takes its own screenshots (tests/browser)
#else
  return write_png(path, w, h, flipped);
#endif
}

void Window::close() {
  if (ImGui::GetCurrentContext()) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  if (gl_) SDL_GL_DeleteContext(gl_);
  if (window_) SDL_DestroyWindow(window_);
  gl_ = nullptr;
  window_ = nullptr;
  SDL_Quit();
}

}  // namespace pylife::ui
