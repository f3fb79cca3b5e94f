// The web playground's entry: the same App as the desktop, driven by
// emscripten_set_main_loop, plus the small C API that public/index.html
// wraps as `window.pylife`.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <string>

#include "app.h"
#include "pylife/unicode.h"
#include "imgui.h"
#include "window.h"

namespace {

pylife::ui::App* g_app = nullptr;        // the one app of this page
std::string g_clipboard;                 // what ImGui copied or the page pasted
pylife::ui::Window* g_window = nullptr;  // its canvas
std::string g_state_json;                // storage for pylife_state_json()
std::string g_pending_paste;             // Ctrl+V's text, typed into the editor once Ctrl is released
std::string g_saved_settings;            // the settings as last kept in localStorage
bool g_fonts_asked[pylife::ui::kFallbackFonts] = {};  // the page was asked for that fallback font

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

// Copies [text] to the browser's clipboard (when the page may).
EM_JS(void, web_copy, (const char* text), {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(UTF8ToString(text)).catch(function() {});
  }
});

// Keeps [text] (format_settings) in the page's localStorage.
EM_JS(void, web_save_settings, (const char* text), {
  try { localStorage.setItem('pylife.settings', UTF8ToString(text)); } catch (e) {}
});

// Asks the page for the font file [path] (index.html's pylifeFetchFont).
EM_JS(void, web_fetch_font, (const char* path), {
  if (Module.pylifeFetchFont) Module.pylifeFetchFont(UTF8ToString(path));
});

void main_loop() {
  fit_canvas();
  ImGuiIO& io = ImGui::GetIO();
  // Text beyond the app font: the page fetches the fallback font of its
  // script once (pylife_fonts_ready() tells when it is there).
  for (uint32_t cp : g_app->state().extra_glyphs) {
    int k = pylife::ui::fallback_font_of(cp);
    if (g_fonts_asked[k]) continue;
    g_fonts_asked[k] = true;
    std::string path = pylife::ui::fallback_fonts()[static_cast<size_t>(k)];
    web_fetch_font(path.c_str());
  }
  if (!g_pending_paste.empty() && !io.KeyCtrl && !io.KeySuper) {
    io.AddInputCharactersUTF8(g_pending_paste.c_str());
    g_pending_paste.clear();
    g_app->state().pasting = 3;
  }
  g_window->frame(*g_app);
  const auto& state = g_app->state();
  if (state.frame_count == 2) {
    // Two frames drawn: the page is interactive.
    EM_ASM({
      if (Module.onPylifeReady) Module.onPylifeReady();
    });
  }
  // The page keeps the program and its files in localStorage (index.html);
  // the settings are kept here as they change (not for an embedded view).
  if (state.frame_count % 30 == 0 && !state.embed) {
    std::string now = pylife::ui::format_settings(g_app->settings());
    if (now != g_saved_settings) {
      g_saved_settings = now;
      web_save_settings(now.c_str());
    }
  }
}

using pylife::unicode::json_string;

}  // namespace

extern "C" {

// The app's state as JSON, for window.pylife.state().
EMSCRIPTEN_KEEPALIVE const char* pylife_state_json() {
  const auto& s = g_app->state();
  const auto& run = s.run;
  const auto& at = run.at();
  std::string files = "[";
  for (const auto& f : s.files) {
    files += (files.size() > 1 ? "," : "") + std::string("{\"name\":") + json_string(f.name) + ",\"text\":" +
             json_string(f.text) + "}";
  }
  files += "]";
  std::string frames = "[";
  for (const auto& f : at.frames) frames += (frames.size() > 1 ? "," : "") + json_string(f.code);
  frames += "]";
  // The memory views: the generations' sizes, the collection shown, the
  // run's collections, the allocator's arenas.
  std::string gc = "{\"sizes\":[";
  for (int i = 0; i < 3; ++i) gc += (i ? "," : "") + std::to_string(at.gc.generations[i].size);
  gc += "],\"counts\":[";
  for (int i = 0; i < 3; ++i) gc += (i ? "," : "") + std::to_string(at.gc.generations[i].count);
  gc += "],\"collections\":" + std::to_string(run.collections().size()) + ",\"shown\":";
  gc += at.collection ? "{\"generation\":" + std::to_string(at.collection->generation) + ",\"collected\":" +
                            std::to_string(at.collection->collected) + ",\"objects\":" +
                            std::to_string(at.collection->objects.size()) + "}"
                      : std::string("null");
  gc += ",\"arenas\":" + std::to_string(at.memory.arenas.size()) + "}";
  // The imports (module and stage, in order) and the teardown's stages.
  std::string imports = "[";
  for (const auto& e : run.imports()) {
    imports += (imports.size() > 1 ? "," : "") + std::string("{\"name\":") + json_string(e.name) + ",\"stage\":" +
               json_string(pylife::events::stage_name(e.stage)) + "}";
  }
  imports += "]";
  std::string teardown = "[";
  for (const auto& t : run.teardown()) {
    teardown += (teardown.size() > 1 ? "," : "") + json_string(pylife::events::stage_name(t.stage));
  }
  teardown += "]";
  // The line step on screen, as `pylife trace --lines` prints it.
  std::string event;
  if (const auto* e = run.event()) {
    event = std::string(pylife::events::kind_name(e->kind)) + " " + run.event_code(*e) + " " + std::to_string(e->line);
  }
  g_state_json = "{\"stage\":\"" + std::string(pylife::ui::stage_name(s.live_stage())) + "\",\"focus\":\"" +
                 pylife::ui::stage_name(s.focus) + "\",\"frames\":" + std::to_string(s.frame_count) +
                 ",\"source_ok\":" + (s.decoded.ok ? "true" : "false") +
                 ",\"encoding\":" + json_string(s.decoded.source.encoding) +
                 ",\"tokens\":" + std::to_string(s.tokens.tokens.size()) +
                 ",\"ast_ok\":" + (s.parsed.ok ? "true" : "false") + ",\"error\":" +
                 json_string(s.parsed.ok || !s.decoded.ok
                                 ? std::string()
                                 : pylife::parse::format_error(s.parsed.error, s.filename)) +
                 ",\"bytecode_ok\":" + (s.compiled.ok ? "true" : "false") + ",\"bytecode_note\":" +
                 json_string(s.compiled.ok ? std::string() : s.compiled.error.msg) +
                 ",\"running\":" + (run.ready() ? "true" : "false") +
                 ",\"step\":" + std::to_string(run.step()) + ",\"total\":" + std::to_string(run.total()) +
                 ",\"finished\":" + (run.finished() ? "true" : "false") +
                 ",\"exit_code\":" + std::to_string(run.exit_code()) +
                 ",\"line\":" + std::to_string(at.line) + ",\"opname\":" + json_string(at.opname) +
                 ",\"frame_names\":" + frames +
                 ",\"stack_depth\":" + std::to_string(at.frames.empty() ? 0 : at.frames[0].stack.size()) +
                 ",\"output\":" + json_string(run.ready() ? at.output : std::string()) +
                 ",\"panel\":" + json_string(s.last_panel) + ",\"embed\":" + (s.embed ? "true" : "false") +
                 ",\"memory_view\":" + json_string(s.front("memory")) + ",\"run_view\":" + json_string(s.front("run")) +
                 ",\"gc\":" + gc + ",\"imports\":" + imports + ",\"teardown\":" + teardown +
                 ",\"files\":" + files + ",\"program\":" + json_string(s.program) +
                 ",\"by_line\":" + (run.by_line() ? "true" : "false") +
                 ",\"position\":" + std::to_string(run.position()) + ",\"length\":" + std::to_string(run.length()) +
                 ",\"next_line\":" + std::to_string(run.next_line()) +
                 ",\"last_line\":" + std::to_string(run.last_line()) +
                 ",\"event\":" + json_string(event) + ",\"narration\":" + json_string(run.narration()) +
                 ",\"waiting_for_input\":" + (run.waiting_for_input() ? "true" : "false") +
                 ",\"view\":" + json_string(s.internals ? "internals" : "learner") +
                 ",\"heap_objects\":" + (s.heap_objects ? "true" : "false") + ",\"heap_ids\":" + (s.heap_ids ? "true" : "false") +
                 ",\"lesson\":" + (s.lesson ? "{\"title\":" + json_string(s.lesson->title) + ",\"stop\":" + std::to_string(s.stop) +
                                              ",\"stops\":" + std::to_string(s.lesson->stops.size()) + "}"
                                        : std::string("null")) +
                 ",\"glyphs\":{\"extra\":" + std::to_string(s.extra_glyphs.size()) +
                 ",\"fallback_fonts\":" + std::to_string(s.fallback_fonts) + "}" +
                 ",\"scale\":" + std::to_string(s.ui_scale) + ",\"light\":" + (s.light ? "true" : "false") +
                 ",\"layout\":" + pylife::ui::layout_json(s, ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y) +
                 "}";
  return g_state_json.c_str();
}

// Loads [source] into the editor (and runs it).
EMSCRIPTEN_KEEPALIVE void pylife_load(const char* source) {
  g_app->load("<editor>", source);
}

// Moves [n] instructions forwards (or back, when negative).
EMSCRIPTEN_KEEPALIVE void pylife_step(double n) {
  auto& run = g_app->state().run;
  double target = static_cast<double>(run.step()) + n;
  run.seek(target < 1 ? 1 : static_cast<uint64_t>(target));
}

// Moves [n] steps of the granularity on screen (line events by default)
// forwards, or back when negative: the timeline's Into and Back.
EMSCRIPTEN_KEEPALIVE void pylife_line_step(double n) {
  auto& run = g_app->state().run;
  for (int i = 0; i < static_cast<int>(n < 0 ? -n : n); ++i) {
    if (!(n < 0 ? run.step_back_line() : run.step_line())) break;
  }
}

// The view: "learner" or "internals"; the step: "line" or "instruction".
EMSCRIPTEN_KEEPALIVE void pylife_set_view(const char* view) {
  auto& s = g_app->state();
  s.internals = std::string(view) == "internals";
}
// The Heap panel's drawing (from a share link): values as objects, references as #ids.
EMSCRIPTEN_KEEPALIVE void pylife_set_heap_drawing(int objects, int ids) {
  g_app->state().heap_objects = objects != 0;
  g_app->state().heap_ids = ids != 0;
}
EMSCRIPTEN_KEEPALIVE void pylife_set_granularity(const char* g) {
  g_app->state().run.set_granularity(std::string(g) == "instruction" ? pylife::ui::RunModel::Granularity::kInstruction
                                                                     : pylife::ui::RunModel::Granularity::kLine);
}

// "Collect now": a full collection before the step on screen.
EMSCRIPTEN_KEEPALIVE void pylife_collect_now() { g_app->state().run.collect_now(); }

// KeyboardInterrupt before the step on screen ("Ctrl-C" in the timeline).
EMSCRIPTEN_KEEPALIVE void pylife_interrupt_now() { g_app->state().run.interrupt_now(); }

// Shows the state before instruction [n] (after n - 1 of them).
EMSCRIPTEN_KEEPALIVE void pylife_seek(double n) {
  g_app->state().run.seek(n < 1 ? 1 : static_cast<uint64_t>(n));
}

// Brings a panel to the front: a panel's title ("Heap") or a stage's
// name ("bytecode").
EMSCRIPTEN_KEEPALIVE void pylife_set_panel(const char* name) {
  auto& s = g_app->state();
  std::string n = name;
  static const pylife::ui::Stage kStages[] = {pylife::ui::Stage::kSource,   pylife::ui::Stage::kTokens,
                                              pylife::ui::Stage::kAst,      pylife::ui::Stage::kBytecode,
                                              pylife::ui::Stage::kVm,       pylife::ui::Stage::kTermination};
  for (auto stage : kStages) {
    if (n == pylife::ui::stage_name(stage)) {
      s.focus = stage;
      static const char* const kPanels[] = {"Program", "Tokens", "AST", "Bytecode", "VM", "Output"};
      n = kPanels[static_cast<int>(stage)];
    }
  }
  s.raise_panel = n;
  s.last_panel = n;
}

// Adds or replaces a module of the program's own ([name] like "helper.py").
EMSCRIPTEN_KEEPALIVE void pylife_add_file(const char* name, const char* text) { g_app->state().set_file(name, text); }

// Removes all of the program's own modules.
EMSCRIPTEN_KEEPALIVE void pylife_clear_files() {
  g_app->state().files.clear();
  g_app->state().editing = 0;
  g_app->state().start_run();
}

// What the page's paste event carried: ImGui's Ctrl+V reads it.
EMSCRIPTEN_KEEPALIVE void pylife_paste(const char* text) { g_clipboard = text; }

// Ctrl+V in the page: [text] from the system clipboard (empty: what the
// last paste event carried) goes into the text field being edited as
// typed characters, marked as one paste (undone at once).
EMSCRIPTEN_KEEPALIVE void pylife_paste_text(const char* text) {
  std::string t = text && *text ? text : g_clipboard;
  g_clipboard = t;
  std::string clean;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\r') continue;                  // CRLF from other systems
    if (t[i] == '\t') clean += "    ";           // the editor indents by spaces
    else clean += t[i];
  }
  // Typed once Ctrl is up (ImGui ignores characters while it is held).
  g_pending_paste += clean;
}

// The settings kept by an earlier visit (format_settings' text).
EMSCRIPTEN_KEEPALIVE void pylife_apply_settings(const char* text) { g_app->apply(pylife::ui::parse_settings(text)); }

// A fallback font is in the file system: the fonts are built again.
EMSCRIPTEN_KEEPALIVE void pylife_fonts_ready() { g_app->state().glyphs_changed = true; }

// Starts the built-in lesson [name] (public/lessons/NAME.lesson): 1 when
// there is one.
EMSCRIPTEN_KEEPALIVE int pylife_open_lesson(const char* name) { return g_app->open_lesson(name) ? 1 : 0; }

// The compact read-only view for iframes (?embed=1).
EMSCRIPTEN_KEEPALIVE void pylife_set_embed(int on) { g_app->state().embed = on != 0; }

}  // extern "C"

int main() {
  static pylife::ui::App app;
  static pylife::ui::Window window;
  g_app = &app;
  g_window = &window;
  // The page builds the share link (public/index.html: Module.pylifeShare).
  app.state().share = [] {
    EM_ASM({
      if (Module.pylifeShare) Module.pylifeShare();
    });
  };
  if (!window.open("pylife", 1280, 800, "/fonts/DejaVuSansMono.ttf")) {
    EM_ASM({
      if (Module.onPylifeError) Module.onPylifeError("WebGL 2 could not be started");
    });
    return 1;
  }
  // The scale, theme, view and panel places of the last visit (the page's
  // localStorage; a link's ?view= or #s= applies after this).
  EM_ASM({
    var s = null;
    try { s = localStorage.getItem('pylife.settings'); } catch (e) {}
    if (s) Module.ccall('pylife_apply_settings', null, ['string'], [s]);
  });
  g_saved_settings = pylife::ui::format_settings(app.settings());
  // Copy and paste through the browser's clipboard (SDL's has none here).
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = [](void*, const char* text) {
    g_clipboard = text;
    web_copy(text);
  };
  io.GetClipboardTextFn = [](void*) -> const char* { return g_clipboard.c_str(); };
  emscripten_set_main_loop(main_loop, 0, true);
  return 0;
}
