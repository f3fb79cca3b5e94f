// The `pylife` command line, as a function so tests can drive it.
#pragma once

#include <atomic>
#include <functional>
#include <ostream>
#include <optional>
#include <string>
#include <vector>

#include "pylife/fs.h"

namespace pylife::cli {

// What the command line needs from its host beyond the core.
// `pylife gui`'s options.
struct GuiOptions {
  std::optional<std::string> file;
  std::string screenshot;  // --screenshot OUT.png: render, save, exit
  uint64_t steps = 0;      // --steps N: after N instructions
  uint64_t line_step = 0;  // --line-step K: at line step K (as `pylife heap --step K`)
  std::string panel;       // --panel NAME: bring this panel to the front
  std::string demo;        // --demo LESSON: present a lesson (docs/lessons.md)
  uint64_t stop = 0;       // --stop N: from the lesson's N-th stop (1-based)
  int width = 1280, height = 800;  // --size WxH: the window's size
  float scale = 0.0f;      // --scale S: the UI scale (0: the display's)
  std::string view;        // --view learner|internals
  std::string theme;       // --theme dark|light
  std::string layout_report;  // --layout-report OUT.json: where the bars' controls were drawn
};

struct Host {
  const fs::FileSystem* files = nullptr;  // where FILE arguments are read
  std::ostream* out = nullptr;            // the program's stdout
  std::ostream* err = nullptr;            // diagnostics and tracebacks
  // One line of the program's stdin (no newline); nullopt at end of input.
  std::function<std::optional<std::string>()> read_line;
  // Starts the desktop visualizer on an optional file; empty when this
  // build has no desktop UI.
  std::function<int(const GuiOptions& options)> gui;
  fs::FileSystem* writable_files = nullptr;  // where a program's open() for writing writes
  // Set by a SIGINT handler: the running program gets KeyboardInterrupt.
  std::atomic<bool>* interrupt = nullptr;
  // Set when the program ended with an uncaught KeyboardInterrupt (the
  // executable then dies of SIGINT, as CPython does).
  bool* interrupted = nullptr;
};

// Runs `pylife [args...]` (args exclude the program name) and returns the
// exit status: 0 success, 1 an error in the user's program, 2 misuse.
int run(const std::vector<std::string>& args, const Host& host);

}  // namespace pylife::cli
