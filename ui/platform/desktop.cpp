// The native desktop loop: `pylife gui [FILE]`.
#include <cstdlib>
#include <iostream>

#include "app.h"
#include "pylife/fs.h"
#include "pylife/source.h"
#include "window.h"

namespace pylife::ui {

int run_desktop(const std::optional<std::string>& file) {
  App app;
  if (file) {
    fs::DiskFileSystem disk;
    fs::ReadResult raw = disk.read_file(*file);
    if (raw.ok) app.load(*file, std::move(raw.bytes));
  }
  Window window;
  if (!window.open("pylife", 1280, 800, PYLIFE_FONT_PATH)) {
    window.close();
    return 1;
  }
  // PYLIFE_GUI_FRAMES=N stops after N frames (screenshot tests).
  long max_frames = 0;
  if (const char* env = std::getenv("PYLIFE_GUI_FRAMES")) max_frames = std::atol(env);
  long frames = 0;
  while (window.frame(app)) {
    if (max_frames > 0 && ++frames >= max_frames) break;
  }
  window.close();
  return 0;
}

}  // namespace pylife::ui
