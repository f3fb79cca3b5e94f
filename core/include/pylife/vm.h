// Running a program: source → tokens → AST → bytecode → the VM, with the
// program's output, input, clock and files supplied by the embedder (the
// core does no I/O of its own).  Uncaught exceptions are printed to the
// error stream in CPython 3.11's traceback format.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pylife/events.h"
#include "pylife/fs.h"
#include "pylife/pyc.h"
#include "pylife/source.h"

namespace pylife::vm {

// The embedder's side of a run.
struct Io {
  std::function<void(std::string_view)> out;  // sys.stdout
  std::function<void(std::string_view)> err;  // sys.stderr and tracebacks
  // One line of sys.stdin without its newline; nullopt at end of input.
  std::function<std::optional<std::string>()> read_line;
  // input() shows the line it read after its prompt (and a newline), as
  // a terminal echoes what is typed: the visualizer's output reads as a
  // session at a terminal does.
  bool echo_input = false;
  std::function<double()> clock;       // monotonic seconds (time.perf_counter)
  std::function<double()> wall_clock;  // seconds since the epoch (time.time)
  std::function<void(double)> sleep;   // time.sleep
  const fs::FileSystem* files = nullptr;  // imports of the program's own modules, open() for reading
  // Where open() for writing writes through (`pylife run`: the disk).
  // Without one, files written stay in the run's memory: a replay of the
  // same run starts from the same files.
  fs::FileSystem* writable_files = nullptr;
  // Set (from a signal handler) to stop the program as Ctrl-C stops
  // CPython's: KeyboardInterrupt is raised at the next check (a RESUME or a
  // backward jump, where CPython's eval breaker looks too).
  std::atomic<bool>* interrupt = nullptr;
};

struct RunOptions {
  std::vector<std::string> argv;  // sys.argv (argv[0] is the script or "-c")
  uint64_t max_steps = 0;         // 0: unlimited; else stop after this many instructions
  int64_t max_memory = 0;         // 0: unlimited; else MemoryError beyond this many bytes
  std::string script_dir;         // where `import name` looks for name.py
  std::string cwd;                // relative paths in open() start here (empty: as given)
  events::Observer* observer = nullptr;  // told about every step, or none
  uint64_t observe_from = 0;  // instruction events only from this step on (replays)
  // Full collections to run before these steps (ascending): the
  // visualizer's "Collect now", kept as an input so replays repeat it.
  std::vector<uint64_t> collect_at;
  // Raise KeyboardInterrupt before this step (0: never): the visualizer's
  // "Ctrl-C here", an input like the others so replays repeat it.
  uint64_t interrupt_at = 0;
  // Imports cache their bytecode in __pycache__ (`--no-pyc`: they do not,
  // as python3 -B), recording the source as [pyc_mode] says.
  bool write_pyc = true;
  pyc::Mode pyc_mode = pyc::Mode::kTimestamp;
};

struct RunResult {
  int exit_code = 0;
  bool unsupported = false;     // the compiler cannot handle the program yet (exit 2)
  bool step_limit = false;      // stopped by --max-steps
  bool interrupted = false;     // ended by an uncaught KeyboardInterrupt (CPython dies of SIGINT: 130 in a shell)
  uint64_t steps = 0;           // instructions executed (when counted)
  // Objects created by the run and still alive after its namespaces were
  // cleared: reference cycles (until the collector) or leaks.
  int64_t objects_left = 0;
};

// Runs decoded [source] as the __main__ module.
RunResult run_program(const source::Source& source, const RunOptions& options, const Io& io);

// `pylife compile` (py_compile / compileall): compiles the source file
// [path] and writes __pycache__/NAME.pylife-311.pyc through [files].
struct CompileFileResult {
  bool ok = false;          // compiled (or its cache was already valid)
  bool up_to_date = false;  // the cache was valid and [force] was not set: nothing written
  std::string cache_path;
  std::string error_text;   // SyntaxError as python3 -m py_compile prints it, or why writing failed
};
CompileFileResult compile_file(fs::FileSystem& files, const std::string& path, pyc::Mode mode, bool force);

// Built with PYLIFE_GC_STRESS (a collection at every safe point): programs
// that print when automatic collections happened differ from CPython's.
bool gc_stress_build();

}  // namespace pylife::vm
