// The visualizer application: its state and its panels, drawn once per
// frame with Dear ImGui.  Shared by the desktop app and the web playground;
// the platform loops (ui/platform/, web/) only create the window and call
// App::frame().  No Python semantics live here: every fact comes from core.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pylife/lex.h"
#include "pylife/parse.h"
#include "pylife/source.h"
#include "pylife/unicode.h"
#include "pylife/compile.h"
#include "pylife/fs.h"
#include "pylife/symtable.h"
#include "lesson.h"
#include "model.h"
#include "settings.h"
#include "span.h"

namespace pylife::ui {

// A stage of the program's life, in pipeline order.
enum class Stage { kSource, kTokens, kAst, kBytecode, kVm, kTermination };

// Everything panels read and edit.
struct AppState {
  std::string filename = "<editor>";  // shown in messages
  std::string program;                // editor text (UTF-8)
  // Lines for input() given up front (the Output panel's input box), one
  // answer a line; answers typed while it waits come after them.
  std::string stdin_text;
  bool show_stdin = false;            // the input box is open
  source::DecodeResult decoded;       // the Source stage's result
  lex::TokenStream tokens;            // the Tokens stage's result
  parse::ParseResult parsed;          // the AST stage's result (or its SyntaxError)
  compile::SymtableResult symbols;    // scopes of the parsed program
  compile::CompileResult compiled;    // the Bytecode stage's code objects (or why not)
  int hovered_line = 0;               // source line under the pointer this frame (0: none)
  int highlight_line = 0;             // the line hovered last frame, drawn highlighted
  Span hovered_span;                  // a token, node or instruction under the pointer this frame
  Span highlight_span;                // ... last frame's, drawn highlighted
  Span selected_span;                 // the AST node clicked (its code is highlighted too)
  int pointer_line = 0, pointer_col = -1;  // the source character under the pointer this frame
  int shown_pointer_line = 0, shown_pointer_col = -1;  // ... last frame's
  std::vector<std::string> lines;     // the decoded source's lines (no newline)
  // The tokens on each source line that do not span lines (index: line
  // number), for colouring the editor and the program panel.
  std::vector<std::vector<const lex::Token*>> line_tokens;
  Stage focus = Stage::kSource;       // the stage the learner looks at
  int frame_count = 0;                // frames drawn so far

  RunModel run;                 // the program running under the timeline
  // The program's own modules (`import helper` finds helper.py here), kept
  // in memory (the browser's file system); the editor has a tab for each.
  struct ProgramFile {
    std::string name;  // "helper.py"
    std::string text;
  };
  std::vector<ProgramFile> files;
  // The files as the VM reads them, with the __pycache__ the runs wrote;
  // each run gets a copy of its own (a replay must see the same files).
  std::shared_ptr<fs::MemoryFileSystem> memory_files;
  const fs::FileSystem* disk = nullptr;   // natively, with a FILE: its directory instead
  std::string disk_dir;
  size_t editing = 0;                     // the editor's tab: 0 the program, k files[k - 1]
  int edited_at = -1;           // frame of an edit not yet run (-1: none)
  double edited_time = 0.0;     // when it was made
  double now = 0.0;             // seconds since start (animations)
  double step_changed_at = 0.0;  // when the step on screen last changed
  uint64_t shown_step = 0;      // the step panels last drew
  size_t shown_event = 0;       // ... and the line event
  int pasting = 0;              // frames a paste from the page is still arriving (typed as characters)
  bool step_changed = false;    // this frame shows a new step (auto-scroll)
  std::string raise_panel;      // a panel to bring to the front this frame
  // The panel in front in each shared place (see shared_places()), by the
  // place's name: "memory" -> "Heap", "GC" or "Memory"; "run" ->
  // "Output", "Imports", ".pyc" or "Exit".
  std::map<std::string, std::string> in_front;
  // The panel in front in [place] (its first panel until one is asked for).
  std::string front(const std::string& place) const;
  // The instruction under the pointer in the Bytecode or the .pyc panel
  // this frame (code object qualname, byte offset; -1: none), and last
  // frame's, which the other panel marks.
  std::string linked_code, highlight_code;
  int linked_offset = -1, highlight_offset = -1;
  std::string load_request;     // an example to open after this frame
  std::string lesson_request;   // a lesson (public/lessons, by name) to start after this frame
  bool light = false;           // the light theme is on
  // The view: Learner (false: the code, Frames + Heap, Output, the
  // timeline and its account of the step) or Internals (every stage's
  // panel).  Internal-only details show in Internals only.
  bool internals = false;
  // The Heap panel's drawing (in the share link): ints, floats and strs as
  // objects of their own (identity), and references as #N labels instead
  // of arrows (Python Tutor's text references).
  bool heap_objects = false;
  bool heap_ids = false;
  bool reset_layout = false;    // put the panels back where the view has them, next frame
  // Where the learner moved or resized panels, per view (remembered
  // between sessions; Reset layout forgets the view's).
  std::map<std::string, std::map<std::string, PanelRect>> panel_places;
  // The UI scale the learner chose (Ctrl +/-, 0.75..3): fonts are
  // rasterised again at it by the platform loop; [applied_scale] is the
  // one in use.
  float ui_scale = 1.0f;
  float applied_scale = 1.0f;
  static constexpr float kMinScale = 0.75f, kMaxScale = 3.0f;
  void set_scale(float scale);
  // Code points the program, its modules and its output use beyond the
  // app font's ranges (CJK, emoji, other scripts), sorted: the platform
  // loop merges fallback fonts for just these (rasterised when first
  // needed; in the browser the fonts are fetched then).
  std::vector<uint32_t> extra_glyphs;
  bool glyphs_changed = false;  // extra_glyphs grew since the fonts were built
  int fallback_fonts = 0;       // fallback font files merged into the atlas
  std::optional<Lesson> lesson;  // demo mode's lesson
  // The compile animation: tokens appear one by one, then the tree's
  // nodes, then the instructions, [anim_speed] items a second.
  bool animating = false;
  double anim_start = 0.0;
  float anim_speed = 20.0f;
  size_t ast_nodes = 0, instructions = 0;  // of the current program (the animation's length)
  size_t stop = 0;               // its stop on screen

  // Re-runs the front stages on the editor's text.
  void refresh();
  // The code-point column of UTF-8 byte column [byte_col] of [line].
  int cp_col(int line, int byte_col) const;
  // An instruction's or a node's position as a span (byte columns in).
  Span span_of(int line, int col, int end_line, int end_col) const;
  // Where the SyntaxError points, on its first line (empty: none).
  Span syntax_error_span() const;
  // Runs the program (when it compiles) under the timeline.
  void start_run();
  // Adds or replaces one of the program's own modules (and runs again).
  void set_file(const std::string& name, const std::string& text);
  // The directory the program's own modules are in, in memory.
  static constexpr const char* kFilesDir = "/program";
  // 0..1 over the first [seconds] after the step changed (animations).
  float since_step(double seconds = 0.35) const;
  // How many items of [stage] the panels show: all, except while the
  // compile animation runs.
  size_t reveal(Stage stage) const;
  // The stage the compile animation is in.
  Stage animation_stage() const;
  // The stage the program is in: the VM while it runs, termination at its
  // end, the first failing front stage otherwise.
  Stage live_stage() const;
  // Embedded in another page (?embed=1): a compact, read-only view.
  bool embed = false;
  // The web page's share action (empty natively: no Share button).
  std::function<void()> share;
  std::string last_panel;  // the panel last brought to the front (for sharing)
  // Where this frame drew each control of the bars (for the layout test:
  // `pylife gui --layout-report`, the page's state()): name, x, y, w, h.
  struct LayoutItem {
    std::string name;
    float x = 0, y = 0, w = 0, h = 0;
  };
  std::vector<LayoutItem> layout;
  std::vector<LayoutItem> panels;  // the panels drawn this frame, where they are
  // What the Heap panel drew last: its boxes and arrows, and the picture's
  // size in pixels (for the layout report; the panel may scroll).
  struct HeapDrawn {
    size_t boxes = 0, arrows = 0, folded = 0;
    float w = 0, h = 0;
    float head_x = -1, head_y = -1;  // the middle of the first box's head, on screen (-1: none)
    size_t found = 0;                // the boxes Find outlines
  } heap_drawn;
};

// Records the last item drawn (ImGui's rectangle of it) as [name] in
// state.layout.
void report_item(AppState& state, const char* name);

// One dockable window of the app (ImHex's `View`): a name and its contents.
// Panels that share one place on screen, one in front at a time; the
// pipeline bar has a button for each.
struct SharedPlace {
  const char* name;                  // "memory"
  std::vector<const char*> panels;   // titles, the default first
  std::vector<const char*> tips;     // what each shows
};
const std::vector<SharedPlace>& shared_places();
// The shared place [title] is in, or null.
const SharedPlace* place_of(std::string_view title);

class Panel {
 public:
  virtual ~Panel() = default;
  virtual const char* title() const = 0;
  // Draws the panel's contents inside its already-open window.
  virtual void draw(AppState& state) = 0;
};

// The application: owns the state and the registry of panels.
class App {
 public:
  App();
  // Loads [text] into the editor as program [filename].
  void load(std::string filename, std::string text);
  // Draws one frame of UI into the current ImGui context.
  void frame();
  // Demo mode: loads [lesson]'s program and shows its first stop.
  void start_lesson(Lesson lesson);
  // Shows stop [index] of the lesson (clamped).
  void go_to_stop(size_t index);
  // Starts the built-in lesson [name] ("01_lifecycle"); false (and a
  // message on the app's status) when there is none or it does not parse.
  bool open_lesson(const std::string& name);
  const AppState& state() const { return state_; }
  AppState& state() { return state_; }
  // What is remembered between sessions (settings.h), and taking it back.
  Settings settings() const;
  void apply(const Settings& settings);

 private:
  AppState state_;
  float laid_out_w_ = 0, laid_out_h_ = 0;  // the work area the layout was made for
  float laid_out_bar_ = 0, laid_out_timeline_ = 0;  // ... with bars this tall
  bool laid_out_embed_ = false, laid_out_internals_ = false;  // ... and for which view
  float bar_used_ = 0, timeline_used_ = 0;  // the bars' rows, as drawn last frame
  std::map<std::string, std::array<float, 4>> panel_rects_;  // title -> x, y, w, h (last frame)
  void draw_caption();
  std::vector<std::unique_ptr<Panel>> panels_;
};

// Sets ImGui's style and loads the app font from [font_path] if present.
// [density]: device pixels per coordinate unit (the browser's
// devicePixelRatio), for sharp text.
// [light]: the light theme instead of the dark one.  [extra] (sorted
// code points) are merged from [fallbacks] (one file per fallback_font_of
// group; missing files are skipped), two cells wide where East Asian text
// is.  Returns how many fallback files were merged.
int setup_imgui_style(const char* font_path, float scale, float density = 1.0f, bool light = false,
                       const std::vector<uint32_t>& extra = {}, const std::vector<std::string>& fallbacks = {});
// Whether [cp] is covered by the app font's ranges.
bool in_app_font(uint32_t cp);
// Whether a code point takes two cells in a monospaced grid (CJK, emoji).
using unicode::is_wide;
// The fallback fonts, one per group of scripts (fallback_fonts() in the
// platform layer lists the files in this order): 0 other alphabets
// (Cyrillic, Armenian, Hebrew...: the app font's own family), 1 CJK,
// 2 symbols and emoji.  Which of them [cp] is drawn from.
inline constexpr int kFallbackFonts = 3;
int fallback_font_of(uint32_t cp);
// Adds to [state].extra_glyphs the code points of [text] the app font
// lacks; true when there were new ones.
bool note_glyphs(AppState& state, std::string_view text);
// The theme's colours on ImGui's style (and pylife's own, style.h).
void apply_theme(bool light);

// "source", "tokens", "ast", "bytecode", "vm", "termination".
const char* stage_name(Stage s);

// The desktop app's command line (`pylife gui`).
struct DesktopOptions {
  std::optional<std::string> file;  // the program to open
  std::string screenshot;           // write a PNG of the window and exit
  uint64_t steps = 0;               // with screenshot: run to this step first
  uint64_t line_step = 0;           // with screenshot: at this line step (1-based) instead
  std::string panel;                // with screenshot: bring this panel to the front
  std::string demo;                 // a lesson file to present (demo mode)
  size_t stop = 0;                  // with demo: start at this stop (0-based)
  int width = 1280, height = 800;   // the window's size
  float scale = 0.0f;               // the UI scale (0: 1, the display's DPI already applied)
  std::string view;                 // "learner" or "internals" (empty: as last time)
  std::string theme;                // "dark" or "light" (empty: as last time)
  std::string layout_report;        // with screenshot: write the bars' controls' rectangles here (JSON)
};

// The bars' controls as drawn (AppState::layout) and the window's size,
// as JSON: {"window": [w, h], "items": [{"name", "x", "y", "w", "h"}...]}.
std::string layout_json(const AppState& state, float width, float height);

// Runs the native desktop app (SDL2 + OpenGL 3) until its window closes.
// Returns the process exit status.
int run_desktop(const DesktopOptions& options);

// The panels of the running program (panels_vm.cpp) and the timeline bar.
std::unique_ptr<Panel> make_program_panel();
std::unique_ptr<Panel> make_vm_panel();
std::unique_ptr<Panel> make_heap_panel();
// The collector's generations and collections, and the allocator's arenas
// (panels_memory.cpp).
std::unique_ptr<Panel> make_gc_panel();
std::unique_ptr<Panel> make_memory_panel();
std::unique_ptr<Panel> make_output_panel();
std::unique_ptr<Panel> make_pyc_panel();
std::unique_ptr<Panel> make_imports_panel();
std::unique_ptr<Panel> make_exit_panel();
void draw_timeline(AppState& state);
// Keyboard shortcuts of the timeline (F5, F10, F11, Shift+F11, arrows).
void timeline_keys(AppState& state);
// A one-line explanation of what an instruction does.
const char* explain_opcode(std::string_view opname);

}  // namespace pylife::ui
