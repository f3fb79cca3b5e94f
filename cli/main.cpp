// Entry point of the `pylife` executable.
#include <atomic>
#include <csignal>
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

namespace {

// Ctrl-C: the VM raises KeyboardInterrupt at its next check.
std::atomic<bool> g_interrupt{false};
extern "C" void on_sigint(int) { g_interrupt.store(true); }

}  // namespace

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
    pylife::ui::DesktopOptions d;
    d.file = o.file;
    d.screenshot = o.screenshot;
    d.steps = o.steps;
    d.line_step = o.line_step;
    d.panel = o.panel;
    d.demo = o.demo;
    d.stop = o.stop > 0 ? static_cast<size_t>(o.stop - 1) : 0;
    d.width = o.width;
    d.height = o.height;
    d.scale = o.scale;
    d.view = o.view;
    d.theme = o.theme;
    d.layout_report = o.layout_report;
    return pylife::ui::run_desktop(d);
  };
#endif
  bool interrupted = false;
  host.interrupt = &g_interrupt;
  host.interrupted = &interrupted;
  // Programs get KeyboardInterrupt; the visualizer keeps Ctrl-C's default.
  if (!args.empty() && (args[0] == "run" || args[0] == "-c" || args[0] == "trace")) std::signal(SIGINT, on_sigint);
  int status = pylife::cli::run(args, host);
  if (interrupted) {
    // As CPython: an uncaught KeyboardInterrupt ends the process by SIGINT.
    std::cout.flush();
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
  }
  return status;
}
