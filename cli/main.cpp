// Entry point of the `pylife` executable.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "pylife/fs.h"

#ifdef PYLIFE_WITH_GUI
#include "app.h"
#endif

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  pylife::fs::DiskFileSystem disk;
  pylife::cli::Host host;
  host.files = &disk;
  host.out = &std::cout;
  host.err = &std::cerr;
  host.read_line = []() -> std::optional<std::string> {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
  };
#ifdef PYLIFE_WITH_GUI
  host.gui = [](const pylife::cli::GuiOptions& o) {
    return pylife::ui::run_desktop(pylife::ui::DesktopOptions{o.file, o.screenshot, o.steps, o.panel, o.demo,
                                                              o.stop > 0 ? static_cast<size_t>(o.stop - 1) : 0});
  };
#endif
  return pylife::cli::run(args, host);
}
