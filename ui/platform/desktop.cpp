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
    // The CLI has already checked that the file opens and decodes.
    fs::DiskFileSystem disk;
    auto read = source::read(disk, *file);
    if (read.status == source::ReadSourceResult::Status::kOk) {
      app.load(*file, std::move(read.source.text));
    }
  }
  Window window;
  if (!window.open("pylife", 1280, 800, PYLIFE_FONT_PATH)) {
    window.close();
    return 1;
  }
  // For tests: PYLIFE_GUI_FRAMES=N stops after N frames, and
  // PYLIFE_GUI_SCREENSHOT=FILE.png saves the last of them.
  long max_frames = 0;
  if (const char* env = std::getenv("PYLIFE_GUI_FRAMES")) max_frames = std::atol(env);
  const char* shot = std::getenv("PYLIFE_GUI_SCREENSHOT");
  long frames = 0;
  int status = 0;
  for (bool running = true; running;) {
    bool last = max_frames > 0 && frames + 1 >= max_frames;
    if (last && shot) window.request_screenshot(shot);
    running = window.frame(app) && !last;
    ++frames;
    if (last && shot && !window.screenshot_ok()) {
      std::cerr << "pylife: could not save the screenshot to " << shot << "\n";
      status = 1;
    }
  }
  window.close();
  return status;
}

}  // namespace pylife::ui
