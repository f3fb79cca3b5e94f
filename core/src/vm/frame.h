// Frames and the evaluation loop's entry points (internal to core/vm).
//
// A frame holds one running code object: its fast locals, cells and free
// variables ("localsplus", as CPython 3.11 lays them out), its operand
// stack, the index of the instruction running, and the namespaces.  Calls
// from Python code to Python functions push a frame and stay inside the
// same C++ loop, so deep Python recursion never deepens the C++ stack;
// only calls made by built-ins (sorted's key, map, __repr__ …) enter the
// loop again, and those are bounded separately.
#pragma once

#include "../runtime/object.h"
#include "pylife/parse.h"
#include "pylife/source.h"

namespace pylife::runtime {

struct Frame {
  CodeObj* code = nullptr;
  FunctionObj* func = nullptr;  // null for module and exec'd code
  DictObj* globals = nullptr;
  DictObj* builtins = nullptr;
  Object* locals = nullptr;  // dict for module / class bodies, else null
  Frame* back = nullptr;
  Object** fast = nullptr;   // localsplus
  Object** stack = nullptr;  // operand stack base
  Object** sp = nullptr;     // next free stack slot
  int lasti = 0;             // code unit index of the running instruction
  int next = 0;              // where to continue
  bool entry = false;        // returning from it leaves the C++ loop
  Object* kwnames = nullptr;  // from KW_NAMES, for the next CALL (borrowed const)
  size_t nslots = 0;
  bool heap = false;  // a generator's frame: owned by the generator, not the frame stack
  bool done = false;  // a heap frame whose code has finished (cleared)
  bool throw_pending = false;  // resume by raising the pending exception (gen.throw)
  int trace_prev = -1;  // the code unit traced last (CPython's instr_prev for line events)
};


}  // namespace pylife::runtime

namespace pylife::vm {

using namespace runtime;

// A generator: its own frame, suspended at a YIELD_VALUE (or before the
// first instruction) between resumptions.
struct GenObj : GcObject {
  Frame* frame = nullptr;
  std::unique_ptr<Object*[]> slots;
  Object* name = nullptr;
  Object* qualname = nullptr;
  bool running = false;
  bool started = false;
  bool running_async = false;  // async generator: an asend/athrow is being awaited
  bool closed = false;         // async generator: aclose() was awaited or it ended
  Object* exc_state = nullptr;  // the exception it handles, kept while suspended (owned)
  ~GenObj() override;
  void referents(std::vector<Object*>& out) const override;
  void clear(Interp& in) override;
  void finalize(Interp& in) override;
};

// A chunked LIFO allocator for frames and their slots.
class FrameStack {
 public:
  Frame* push(size_t nslots);
  void pop(Frame* f);
  ~FrameStack();

 private:
  struct Chunk {
    std::unique_ptr<Object*[]> slots;
    size_t size = 0, top = 0;
  };
  std::vector<Chunk> chunks_;
  size_t current_ = 0;
  std::vector<Frame*> free_;
};

// Resumes [gen] with [value] pushed (send), or, when [value] is null, by
// raising the interpreter's pending exception at the yield (throw): the
// yielded value, or null when it returned (with [*returned] set to the
// return value) or raised.
Object* gen_resume(Interp& in, GenObj* gen, Object* value, Object** returned);
void init_generator_type(Interp& in);

// Runs [code] as a module body or exec() with [globals] and [locals].
Object* eval_code(Interp& in, CodeObj* code, DictObj* globals, Object* locals);
// Calls a Python function (the slot behind FunctionObj's call).
Object* call_function(Interp& in, FunctionObj* func, const Args& args);
// Registers the frame-aware builtins (globals, locals, vars, super,
// __build_class__, __import__, exec-like helpers).
void init_vm_builtins(Interp& in);
FrameStack& frame_stack(Interp& in);
// A frame running class body [fn] with [ns] as its locals.
Frame* make_class_frame(Interp& in, FunctionObj* fn, DictObj* ns);
// The loop: runs [entry] (set up) until it returns or raises out.
Object* run_frame(Interp& in, Frame* entry);
// ---- the import system (modules/import.cpp) ----
// IMPORT_NAME / IMPORT_FROM / IMPORT_STAR.
Object* import_name(Interp& in, Frame* f, Object* name, Object* fromlist, Object* level);
Object* import_from(Interp& in, Object* module, Object* name);
bool import_star(Interp& in, Frame* f, Object* module);
// sys.modules[name], importing it (a dotted name) when absent.
Object* import_module_named(Interp& in, const std::string& name);
// pylife's own Python module [name]; null without an error when none.
Object* load_pylib_module(Interp& in, const std::string& name);
// The _imp module (source_hash, exec_module_again for importlib.reload).
void init_imp_module(Interp& in);
// The run's files: what it wrote (in.host.written) over the embedder's.
fs::ReadResult host_read(Interp& in, const std::string& path);
fs::StatResult host_stat(Interp& in, const std::string& path);
fs::WriteResult host_write(Interp& in, const std::string& path, std::string_view bytes, bool append);

// ---- termination ----
// Tells the observer (if any) about a step of the teardown.
void report_teardown(Interp& in, events::Teardown::Stage stage, std::string name, std::string detail = "");
// A callable's name for events, without running Python code: a
// function's qualname, a builtin's name, else "<TYPE object>".
std::string callable_name(Interp& in, Object* o);
// The atexit module, and running its callbacks (last registered first).
void init_atexit_module(Interp& in);
void run_atexit_callbacks(Interp& in);
// "PREFIX: repr(where)" and [exc]'s traceback on stderr (an exception
// with nowhere to go: __del__, atexit callbacks).
void report_unraisable_as(Interp& in, Object* exc, const std::string& prefix, Object* where);

// ---- compiling source for imports, exec() and the main program (run.cpp) ----
struct Compiled {
  bool ok = false;
  bool unsupported = false;
  std::string error_text;  // formatted SyntaxError or pylife's message
  parse::SyntaxError error;  // the same, as fields
  std::string warnings_text;  // SyntaxWarnings of the tokenizer and compiler, as printed
  std::shared_ptr<const compile::CodeObject> code;
};
Compiled compile_source(const source::Source& src, const std::string& filename, events::Observer* observer = nullptr,
                        bool expression = false);
// Keeps [text]'s lines for tracebacks through [filename].
void remember_source(Interp& in, const std::string& filename, const std::string& text);
// Raises the SyntaxError (or SystemError) of a failed compile.
Object* raise_compile_error(Interp& in, const Compiled& c, const std::string& filename);
// The text of a standard module written in Python (generated/pylib.cpp).
std::optional<std::string_view> python_module_source(std::string_view name);

}  // namespace pylife::vm
