// Entry point of the `pylife` executable.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "pylife/fs.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#ifdef PYLIFE_WITH_GUI
#include "app.h"
#endif

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // A Python program frees and reallocates memory constantly: keep freed
  // heap memory instead of returning it to the system at every dip (glibc
  // trims above 128 KiB by default, and the page faults to get it back
  // cost more than the memory).
  mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
  mallopt(M_TOP_PAD, 64 * 1024 * 1024);
  mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
#endif
  std::vector<std::string> args(argv + 1, argv + argc);
  pylife::fs::DiskFileSystem disk;
  pylife::cli::Host host;
  host.files = &disk;
  host.writable_files = &disk;
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
