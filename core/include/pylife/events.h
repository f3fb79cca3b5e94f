// Lifecycle events the VM reports while a program runs.  The embedder
// passes an Observer in (no globals); with none attached the VM pays one
// predictable branch per instruction.  Events carry plain data (names,
// numbers, bounded reprs), never pointers into the VM.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pylife::events {

// A value as panels show it: never a pointer into the VM.
struct Value {
  std::string type;      // "int", "list", "Point"
  std::string repr;      // bounded; user objects by type, not by __repr__
  int64_t refcount = 0;  // the object's reference count
  uint64_t id = 0;       // identity (stable while the object lives)
  // Statically allocated by the VM and never freed (a built-in type, as
  // CPython 3.11's static types): refcount counts only the references
  // the program made, not the VM's permanent one.
  bool immortal = false;
};

// One frame of the frame stack.
struct FrameState {
  std::string code;     // qualified name
  std::string filename;
  int offset = 0;       // of the instruction running, in bytes
  int line = -1;
  std::vector<std::pair<std::string, Value>> locals;  // fast locals and cells; a module's globals
  std::vector<Value> stack;                           // operand stack, bottom first
};

// An object of the heap view with the objects it refers to.
struct HeapObject {
  Value value;
  std::vector<uint64_t> refs;  // ids of its referents (those in the same heap() answer)
  // What its box lists, in order, each a label and the object it names:
  // a dict's `key -> value` (the key's repr), a list's or tuple's index,
  // an instance's attribute names, a set's members (no label).
  struct Field {
    std::string label;
    uint64_t id = 0;   // the value (in the same heap() answer); 0: [text] instead
    std::string text;  // a fact that is no object ("suspended at line 4")
  };
  std::vector<Field> fields;
  size_t more = 0;  // fields past the first kMaxFields, not listed
  static constexpr size_t kMaxFields = 50;
  bool in_cycle = false;       // part of a reference cycle among the heap() answer
  int generation = -1;         // the collector's generation (0..2), or -1: not tracked
};

// The cycle collector as it is now: per generation, its allocation count
// and threshold and the objects in it.
struct GcSnapshot {
  struct Object {
    uint64_t id = 0;
    std::string type;
    int64_t refcount = 0;
  };
  struct Generation {
    int64_t count = 0, threshold = 0;  // a collection is due when count > threshold
    size_t size = 0;                   // objects tracked in it
    std::vector<Object> objects;       // the newest, at most kMaxObjects
    uint64_t collections = 0;          // collections of it so far
  };
  static constexpr size_t kMaxObjects = 120;
  Generation generations[3];
  size_t frozen = 0;  // gc.freeze()'s permanent generation
  bool enabled = true;
};

// The small-object allocator: arenas of pools of equal-sized blocks.
struct PoolState {
  int size_class = -1;  // blocks of 16 * (size_class + 1) bytes; -1: an empty pool
  uint32_t used = 0, capacity = 0;  // blocks
};
struct ArenaState {
  uint64_t id = 0;  // 1, 2, ... in the order the arenas were made
  std::vector<PoolState> pools;  // every pool of the arena, in address order
};
struct MemoryMap {
  size_t arena_size = 0, pool_size = 0;
  std::vector<ArenaState> arenas;
  struct SizeClass {
    uint32_t block_size = 0;
    uint64_t pools = 0, used = 0, free = 0;  // free: blocks in its pools not in use
  };
  std::vector<SizeClass> classes;  // one per size class
  uint64_t arenas_allocated = 0, arenas_freed = 0;  // since the thread started
  uint64_t large_objects = 0, large_bytes = 0;  // from the system allocator, live
};

// The VM's state at the point an event is reported (valid only during the
// callback).
class State {
 public:
  virtual ~State() = default;
  // The frame stack, innermost first.
  virtual std::vector<FrameState> frames() const = 0;
  // The objects the frames reach (their variables and operand stacks, then
  // what those refer to, breadth first, at most [limit]); built-in types,
  // functions and modules are shown but not followed.
  virtual std::vector<HeapObject> heap(size_t limit = 500) const = 0;
  // The small-object allocator as it is now.
  virtual MemoryMap memory() const { return {}; }
  // The cycle collector's generations as they are now.
  virtual GcSnapshot gc() const { return {}; }
};

// About to execute one instruction.
struct Instruction {
  uint64_t step = 0;          // 1 for the first instruction of the run
  int depth = 0;              // frames on the stack (1: the module)
  std::string_view code;      // the code object's qualified name
  uint32_t code_id = 0;       // the code object: 1, 2, ... in the order the run made them
  int offset = 0;             // in bytes, as dis shows it
  std::string_view opname;
  int opcode = 0;             // its number (CPython 3.11's)
  int oparg = 0;
  std::string_view argrepr;   // as dis shows the argument ("x", "(1)" …), or empty
  int line = -1, end_line = -1, col = -1, end_col = -1;
  int stack_depth = 0;        // operand stack entries before it runs
  const State* state = nullptr;  // ask for frames and values (during the call only)
};

// A frame entering or leaving the frame stack.
struct Frame {
  uint64_t step = 0;
  int depth = 0;               // the frame's own depth (1: the module)
  std::string_view code;       // qualified name
  uint32_t code_id = 0;        // as Instruction::code_id
  std::string_view filename;
  int line = -1;               // first line (push) or current line (pop)
  bool raised = false;         // pop: left by an exception
  std::string value;           // pop: repr of the return value (bounded)
  // push, for an observer that wants details: the function's parameters
  // as bound, in co_varnames order (positional, keyword-only, *args,
  // **kwargs).
  std::vector<std::pair<std::string, Value>> arguments;
};

// An exception raised in a frame, caught by a handler there, or leaving it.
struct Exception {
  enum class Kind { kRaised, kCaught, kPropagated };
  Kind kind = Kind::kRaised;
  uint64_t step = 0;
  int depth = 0;
  std::string_view code;
  uint32_t code_id = 0;  // as Instruction::code_id
  int line = -1;
  std::string type;     // "ZeroDivisionError"
  std::string message;  // str(exception), bounded
};

// Text the program wrote to stdout (stream 1) or stderr (stream 2).
struct Output {
  uint64_t step = 0;
  int stream = 1;
  std::string_view text;
};

// What a sys.settrace tracer is told: CPython 3.11's 'call', 'line',
// 'return' and 'exception' events, in its order and with its line numbers
// (frame.f_lineno), for the frames of the files the observer asks for
// (Observer::traces_file).  Call and line come before the instruction of
// [step] runs; return and exception while it runs.
struct Trace {
  enum class Kind : uint8_t { kCall, kLine, kReturn, kException };
  Kind kind = Kind::kLine;
  uint64_t step = 0;
  int depth = 0;            // the frame's (1: the module)
  std::string_view code;    // co_name, as frame.f_code.co_name
  uint32_t code_id = 0;     // as Instruction::code_id
  int line = -1;            // frame.f_lineno (the module's call: 0)
};
// "call", "line", "return", "exception".
const char* kind_name(Trace::Kind kind);

// ---- details (only for an observer whose wants_details() is true) ----

// A value pushed onto or popped off an operand stack.
struct StackChange {
  uint64_t step = 0;       // the instruction that did it
  int depth = 0;           // the frame's depth
  int position = 0;        // 0: the bottom of that frame's stack
  Value value;             // popped values as they were on the stack
};

// A variable bound or deleted (STORE_FAST/NAME/GLOBAL/DEREF, DELETE_*).
struct Store {
  uint64_t step = 0;
  int depth = 0;
  std::string_view code;
  std::string_view scope;  // "local", "global", "name" (module or class namespace), "cell"
  std::string_view name;
  bool deleted = false;
  Value value;             // the new value (empty when deleted)
};

// An object created or destroyed.  Reported as it happens, before the
// other details of its step.
struct Lifetime {
  uint64_t step = 0;
  uint64_t id = 0;
  std::string_view type;
  size_t size = 0;  // bytes of its C++ object (allocation only)
};

// A reference count that went up or down during a step: one event per
// unit of change, with the count after it.  Counts are compared across
// each instruction for the objects it can touch (its operands, its
// frame's variables and what those hold directly); a count that goes up
// and back down within one instruction is not reported.
struct RefCount {
  uint64_t step = 0;
  uint64_t id = 0;
  std::string_view type;
  int64_t count = 0;
};

// One object of a collection, for the GC panel's step-by-step view.
struct GcObjectState {
  uint64_t id = 0;
  std::string type;
  int generation = 0;      // before the collection
  int64_t refcount = 0;    // when the collection started (its gc_refs start there)
  int64_t gc_refs = 0;     // after the references from the other examined objects were subtracted
  std::vector<uint64_t> refs;  // the examined objects it refers to
  bool unreachable = false;  // not reachable from outside the examined generations
  bool finalized = false;    // its finalizer (__del__, generator close) ran
  bool resurrected = false;  // unreachable, but a finalizer made it reachable again
  bool freed = false;        // cleared and freed
};

// A collection by the cyclic garbage collector.
struct GcCollection {
  // A threshold was passed; gc.collect(); the final collection at exit;
  // the embedder asked (the visualizer's "Collect now", RunOptions::collect_at).
  enum class Reason { kAutomatic, kCollectCall, kFinal, kRequested };
  static constexpr size_t kMaxObjects = 2000;
  uint64_t step = 0;  // the instruction it ran at (0: at termination)
  Reason reason = Reason::kAutomatic;
  int generation = 0;  // collected with the younger ones
  int64_t counts_before[3] = {0, 0, 0}, counts_after[3] = {0, 0, 0};  // allocation counts
  int64_t sizes_before[3] = {0, 0, 0}, sizes_after[3] = {0, 0, 0};    // tracked objects per generation
  int64_t examined = 0, unreachable = 0, collected = 0, uncollectable = 0;
  uint64_t duration_steps = 0;  // instructions run by finalizers and callbacks during it
  // With details: every examined object (at most kMaxObjects), in the
  // collector's order.
  std::vector<GcObjectState> objects;
  bool truncated = false;
};

// An arena or a pool came or went.
struct MemoryChange {
  enum class Kind { kArenaNew, kArenaFreed, kPoolNew, kPoolFreed };
  Kind kind = Kind::kArenaNew;
  uint64_t step = 0;
  uint64_t arena = 0;   // ArenaState::id
  int pool = -1;        // index in the arena
  int size_class = -1;  // of the pool
};

// The end of the run.
// One stage of an import (find, cache, compile, run), in the order the
// import system goes through them; imports started by a module being
// imported are one deeper.
struct Import {
  enum class Stage : uint8_t {
    kFind,        // looking for the module (sys.path or the package's __path__)
    kFound,       // path: the source file (or package __init__.py)
    kNotFound,    // ModuleNotFoundError follows
    kCacheMiss,   // no .pyc
    kCacheHit,    // path: the .pyc, valid for the source
    kCacheStale,  // path: the .pyc; the source changed since
    kCacheBad,    // path: the .pyc; unreadable (warning printed), recompiled
    kCompile,     // path: the source, compiled
    kCacheWrite,  // path: the .pyc written
    kExec,        // the module's code starts running
    kDone,        // in sys.modules
    kFailed,      // the import raised (the module is removed again)
  };
  uint64_t step = 0;  // instructions run before it
  Stage stage = Stage::kFind;
  std::string name;    // the module's full name
  std::string path;    // the file involved, if any
  std::string detail;  // what happened, for people
  int depth = 0;       // imports in progress around this one
  std::string pyc;     // cache hit, write, bad: the .pyc file's bytes
};

// One step of the program's termination (after its last instruction), in
// Py_FinalizeEx's order; the final collections arrive as on_gc_collect
// between them.
struct Teardown {
  enum class Stage : uint8_t {
    kAtexit,          // name: the callback (its repr) about to run
    kFlush,           // stdout and stderr flushed
    kModuleRemoved,   // name: set to None in sys.modules; detail says whether it died there
    kModulesCleared,  // sys.modules forgot the program's modules
    kGlobalsCleared,  // name: a module still alive had its globals set to None
    kCollected,       // a final collection ran (detail: what it found)
    kDone,            // detail: objects the run left behind
  };
  uint64_t step = 0;  // instructions run before it (callbacks run more)
  Stage stage = Stage::kAtexit;
  std::string name;
  std::string detail;
};

struct Terminate {
  uint64_t step = 0;  // instructions executed
  int exit_code = 0;
};

// ---- the front stages (reported before the program starts) ----

// A token, as tokenize reports it (columns in code points).
struct Token {
  uint32_t index = 0;
  std::string_view type;  // "NAME", "OP", "NEWLINE", ...
  std::string_view text;
  int line = 0, col = 0, end_line = 0, end_col = 0;
};

// A syntax tree node, reported when it is complete (children first).
struct AstNode {
  std::string_view kind;  // "Name", "BinOp", "FunctionDef", ...
  int depth = 0;          // 0: the Module
  int line = -1, col = -1, end_line = -1, end_col = -1;  // -1: not located
};

// A name resolved by the symbol table.
struct Symbol {
  std::string_view scope;  // the block: "top", a function or class name, "lambda", ...
  std::string_view name;
  std::string_view kind;   // "local", "global", "global (declared)", "free", "cell"
};

// An instruction of a finished code object.
struct Emitted {
  std::string_view code;  // qualified name of its code object
  int offset = 0;         // bytes
  std::string_view opname;
  int oparg = 0;
  std::string_view argrepr;
  int line = -1;
};

// A code object finished by the compiler.
struct CodeObject {
  std::string_view code;  // qualified name
  int instructions = 0, stacksize = 0, consts = 0, names = 0, locals = 0;
};

class Observer {
 public:
  virtual ~Observer() = default;
  virtual void on_token(const Token&) {}
  virtual void on_ast_node(const AstNode&) {}
  virtual void on_symbol(const Symbol&) {}
  virtual void on_instruction_emitted(const Emitted&) {}
  virtual void on_code_object(const CodeObject&) {}
  // Every instruction, before it runs, in brief: return true to be sent
  // on_instruction (the full event) for it as well.  Recorders that know
  // an instruction already return false and keep the VM's cost per step low.
  virtual bool on_step(uint64_t /*step*/, uint32_t /*code_id*/, int /*offset*/, int /*depth*/) { return true; }
  virtual void on_instruction(const Instruction&) {}
  virtual void on_frame_push(const Frame&) {}
  virtual void on_frame_pop(const Frame&) {}
  virtual void on_exception(const Exception&) {}
  virtual void on_output(const Output&) {}
  // Asked once per code object (by its co_filename): send on_trace for
  // the frames running it.
  virtual bool traces_file(std::string_view /*filename*/) { return false; }
  virtual void on_trace(const Trace&) {}
  // Asked once when a run starts: report the details below as well (they
  // cost: every instruction's operands and the refcounts around it are
  // inspected).
  virtual bool wants_details() const { return false; }
  virtual void on_stack_push(const StackChange&) {}
  virtual void on_stack_pop(const StackChange&) {}
  virtual void on_store(const Store&) {}
  virtual void on_alloc(const Lifetime&) {}
  virtual void on_free(const Lifetime&) {}
  virtual void on_incref(const RefCount&) {}
  virtual void on_decref(const RefCount&) {}
  // A collection starting (step, reason, generation, counts_before and
  // sizes_before are set) and, once it is over, all of it.
  virtual void on_gc_start(const GcCollection&) {}
  virtual void on_gc_collect(const GcCollection&) {}
  virtual void on_memory(const MemoryChange&) {}
  virtual void on_import(const Import&) {}
  virtual void on_teardown(const Teardown&) {}
  virtual void on_terminate(const Terminate&) {}
};

// Short names of the stages ("cache hit", "module removed"), as the trace
// and the panels show them.
const char* stage_name(Import::Stage stage);
const char* stage_name(Teardown::Stage stage);

// A short repr for events: at most [limit] code points, "..." after.
std::string bounded(std::string text, size_t limit = 80);

}  // namespace pylife::events
