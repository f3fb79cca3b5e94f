// The visualizer application: its state and its panels, drawn once per
// frame with Dear ImGui.  Shared by the desktop app and the web playground;
// the platform loops (ui/platform/, web/) only create the window and call
// App::frame().  No Python semantics live here: every fact comes from core.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pylife/lex.h"
#include "pylife/parse.h"
#include "pylife/source.h"
#include "pylife/compile.h"
#include "pylife/symtable.h"

namespace pylife::ui {

// A stage of the program's life, in pipeline order.
enum class Stage { kSource, kTokens, kAst, kBytecode, kVm, kTermination };

// Everything panels read and edit.
struct AppState {
  std::string filename = "<editor>";  // shown in messages
  std::string program;                // editor text (UTF-8)
  source::DecodeResult decoded;       // the Source stage's result
  lex::TokenStream tokens;            // the Tokens stage's result
  parse::ParseResult parsed;          // the AST stage's result (or its SyntaxError)
  compile::SymtableResult symbols;    // scopes of the parsed program
  compile::CompileResult compiled;    // the Bytecode stage's code objects (or why not)
  int hovered_line = 0;               // source line under the pointer this frame (0: none)
  int highlight_line = 0;             // the line hovered last frame, drawn highlighted
  Stage focus = Stage::kSource;       // the stage the learner looks at
  int frame_count = 0;                // frames drawn so far

  // Re-runs the front stages on the editor's text.
  void refresh();
};

// One dockable window of the app (ImHex's `View`): a name and its contents.
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
  const AppState& state() const { return state_; }

 private:
  AppState state_;
  std::vector<std::unique_ptr<Panel>> panels_;
};

// Sets ImGui's style and loads the app font from [font_path] if present.
void setup_imgui_style(const char* font_path, float scale);

// Runs the native desktop app (SDL2 + OpenGL 3) until its window closes;
// opens [file] when given.  Returns the process exit status.
int run_desktop(const std::optional<std::string>& file);

}  // namespace pylife::ui
