// The object model: every Python object starts with a header holding its
// reference count and its type, as CPython's PyObject.  Counts are explicit:
// incref() / decref() by hand, and an object is destroyed the moment its
// count reaches zero (its destructor releases what it refers to).  A type is
// an object too; its slots are C++ function pointers, and its `dict` holds
// the methods Python code sees.
//
// Errors follow CPython's C API: a function that can fail returns nullptr
// (or false / -1) after setting the interpreter's current exception with
// Interp::raise().  No C++ exception ever carries a Python error.
//
// Ownership conventions: a returned Object* is a new reference unless the
// comment says "borrowed"; arguments are borrowed.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "pylife/bigint.h"
#include "pylife/code.h"
#include "pylife/events.h"
#include "pylife/fs.h"
#include "pylife/pyc.h"

namespace pylife::runtime {

struct Interp;
struct Type;

// The header every object has.
// The refcount a statically allocated built-in type starts from: freed by
// ~Interp, never by decref.  What the program sees (sys.getrefcount, the
// panels) is the count above it, as CPython 3.11's static types count.
constexpr int64_t kStaticRefcnt = int64_t{1} << 40;

struct Object {
  int64_t refcnt = 1;
  Type* type = nullptr;
  Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  virtual ~Object() = default;
  // Objects this one refers to (for the heap view and leak reports).
  virtual void referents(std::vector<Object*>&) const {}
  // Objects of up to 512 bytes come from the small-object allocator's
  // pools (alloc.h), as CPython's pymalloc: no malloc per int, str or tuple.
  static void* operator new(size_t size);
  static void operator delete(void* p, size_t size);
};

// Containers (objects that can be part of a reference cycle) carry the
// cycle collector's header too, as CPython's PyGC_Head: their links in a
// generation's list (null while untracked), the collector's scratch count
// and state bits.  A type's instances are all containers or all not
// (Type::kHaveGc, checked as they are made); runtime/gc.cpp collects.
struct GcObject : Object {
  GcObject* gc_next = nullptr;
  GcObject* gc_prev = nullptr;  // null: not tracked
  int64_t gc_refs = 0;
  uint8_t gc_gen = 0;   // 0..2; 3: frozen (gc.freeze)
  uint8_t gc_bits = 0;  // Bits
  enum Bits : uint8_t {
    kFinalized = 1,    // its finalizer has run (runs once, PEP 442)
    kWeakrefs = 2,     // weak references point at it
    kCollecting = 4,   // in the generations being collected
    kUnreachable = 8,  // tentatively unreachable (move_unreachable)
    kUncounted = 16,   // not in the allocation count (an instance's own attribute dict)
    kStandIn = 32,     // stands in for an object that is no container (gc.cpp)
  };
  // Made tracked (dicts start untracked, as CPython's, and are tracked
  // once they hold something that can be).
  static constexpr bool kTrackedAtBirth = true;
  bool tracked() const { return gc_prev != nullptr; }
  // tp_clear: drops the references that can close a cycle; the object
  // stays a valid (emptied) object of its type.
  virtual void clear(Interp&) {}
  // tp_finalize, for types with Type::has_finalizer: runs __del__ (a
  // generator closes itself).  Runs once: the collector and dealloc() mark
  // it run (kFinalized).
  virtual void finalize(Interp& in);
};

// Builds for measuring the event hooks' cost compile them out (bench/run).
#ifndef PYLIFE_EVENT_HOOKS
#define PYLIFE_EVENT_HOOKS 1
#endif

// Told about every object created and destroyed while a detailed observer
// is attached (Interp::alloc_watch; the VM's lifecycle details).
class AllocWatch {
 public:
  virtual ~AllocWatch() = default;
  virtual void allocated(Object* o, size_t size) = 0;  // type set, nothing else yet
  virtual void freed(Object* o) = 0;                    // about to be destroyed
};

// Destroys [o] (its count reached zero).  Deep chains are destroyed
// iteratively so a million-node linked list cannot overflow the C++ stack.
void dealloc(Object* o);

inline Object* incref(Object* o) {
  ++o->refcnt;
  return o;
}
inline void decref(Object* o) {
  if (--o->refcnt == 0) dealloc(o);
}
inline void xdecref(Object* o) {
  if (o) decref(o);
}
inline Object* xincref(Object* o) {
  if (o) ++o->refcnt;
  return o;
}

// An owned reference: decref on destruction.  For C++ code paths with early
// returns; the VM's stack uses raw pointers.
class Ref {
 public:
  Ref() = default;
  explicit Ref(Object* owned) : p_(owned) {}
  Ref(const Ref& o) : p_(xincref(o.p_)) {}
  Ref(Ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  Ref& operator=(Ref o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~Ref() { xdecref(p_); }
  static Ref borrow(Object* o) { return Ref(xincref(o)); }
  Object* get() const { return p_; }
  Object* release() {
    Object* p = p_;
    p_ = nullptr;
    return p;
  }
  Object* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  Object* p_ = nullptr;
};

// Keyword arguments of a call: names (str objects) matching the last
// values of the argument array.
struct Args {
  Object* const* items = nullptr;  // positional then keyword values
  size_t npos = 0;
  Object* kwnames = nullptr;  // tuple of str or nullptr
  size_t nkw() const;
  Object* kwname(size_t i) const;
  Object* kwvalue(size_t i) const { return items[npos + i]; }
};

using UnaryFn = Object* (*)(Interp&, Object*);
using BinaryFn = Object* (*)(Interp&, Object*, Object*);
using CallFn = Object* (*)(Interp&, Object* callable, const Args& args);
using MethodFn = Object* (*)(Interp&, Object* self, const Args& args);

// Rich comparison operators, numbered as CPython's Py_LT..Py_GE.
enum CompareOp : int { kLt = 0, kLe = 1, kEq = 2, kNe = 3, kGt = 4, kGe = 5 };

// BINARY_OP's argument (NB_* of CPython 3.11).
enum BinOp : int {
  kAdd = 0,
  kAnd = 1,
  kFloorDiv = 2,
  kLshift = 3,
  kMatMul = 4,
  kMul = 5,
  kRem = 6,
  kOr = 7,
  kPow = 8,
  kRshift = 9,
  kSub = 10,
  kTrueDiv = 11,
  kXor = 12,
  kInplace = 13,
};

struct DictObj;
struct StrObj;
struct TupleObj;

// A type object.  Slots left null mean "not supported"; heap types (class
// statements) fill them with functions that look up dunder methods.
struct Type : GcObject {
  Interp* interp = nullptr;  // the interpreter that owns this type
  std::string name;  // tp_name ("int", "ZeroDivisionError", "module.Class")
  Type* base = nullptr;
  std::vector<Type*> bases;
  std::vector<Type*> mro;  // starts with this type
  DictObj* dict = nullptr;
  bool heap = false;        // created by a class statement
  // The C++ struct of the instances, for casts without RTTI.
  enum class Layout : uint8_t { kOther, kInstance, kException, kModule, kFunction, kStr, kTuple };
  Layout layout = Layout::kOther;
  bool basetype = true;     // may be subclassed
  bool is_exception = false;

  UnaryFn repr = nullptr;
  UnaryFn str = nullptr;
  bool (*hash)(Interp&, Object*, int64_t* out) = nullptr;
  Object* (*richcompare)(Interp&, Object*, Object*, int op) = nullptr;  // NotImplemented allowed
  Object* (*binop)(Interp&, Object*, Object*, int op) = nullptr;        // NotImplemented allowed
  UnaryFn neg = nullptr, pos = nullptr, invert = nullptr, absval = nullptr;
  int (*truth)(Interp&, Object*) = nullptr;        // -1 error
  int64_t (*length)(Interp&, Object*) = nullptr;  // -1 error
  CallFn call = nullptr;
  UnaryFn iter = nullptr;
  // Next item; nullptr without an exception set means exhausted.
  UnaryFn next = nullptr;
  BinaryFn getitem = nullptr;
  int (*setitem)(Interp&, Object*, Object* key, Object* value) = nullptr;  // value null: del
  int (*contains)(Interp&, Object*, Object*) = nullptr;
  Object* (*getattr)(Interp&, Object*, StrObj* name) = nullptr;  // null: generic
  int (*setattr)(Interp&, Object*, StrObj* name, Object* value) = nullptr;
  // Descriptor protocol (__get__), for functions and builtin methods.
  Object* (*descr_get)(Interp&, Object* descr, Object* obj, Object* owner) = nullptr;
  // Constructor: type(...) calls it with the type.
  Object* (*create)(Interp&, Type* type, const Args& args) = nullptr;
  // Instances carry a __dict__ at this member (heap types).
  bool instance_dict = false;
  // __slots__: the names this class statement declared; when every class
  // statement of the MRO has __slots__ (and none names __dict__), instances
  // take no other attributes.
  std::vector<std::string> slots;
  bool slots_only = false;
  size_t slot_count = 0;  // __slots__ values of instances, bases' included
  // Instances have a finalizer (a __del__; generators' close) to run when
  // their count reaches zero or the collector finds them unreachable.
  bool has_finalizer = false;
  bool custom_getattribute = false;  // a class statement defines __getattribute__
  // Instances are plain objects with a __dict__ whose attribute access is
  // the generic one (no __getattribute__, __setattr__ or __delattr__ of
  // its own): the VM's LOAD_ATTR/STORE_ATTR may use the dict directly.
  bool plain_attributes = false;
  // A class statement's subclass of list, dict or set: made empty, filled
  // by __init__ (decided once, at class creation).
  bool filled_by_init = false;
  // What `match` asks of a type (CPython's tp_flags bits of the same value):
  // sequence and mapping patterns, and class patterns that match the
  // subject itself (int(x)).  Subclasses inherit them from their base.
  // kHaveGc: instances are GcObjects (CPython's Py_TPFLAGS_HAVE_GC);
  // kNoGc: instances have been made that are not (both set is a bug).
  enum Flags : unsigned {
    kSequence = 1u << 5,
    kMapping = 1u << 6,
    kHaveGc = 1u << 14,
    kMatchSelf = 1u << 22,
    kNoGc = 1u << 30,
  };
  unsigned flags = 0;

  ~Type() override;
  void referents(std::vector<Object*>& out) const override;
  bool is_subtype(const Type* other) const;
};

// ---- concrete objects -------------------------------------------------------

struct NoneObj : Object {};

struct IntObj : Object {
  bool big = false;
  int64_t small = 0;
  BigInt value;  // when big
  BigInt as_big() const { return big ? value : BigInt(small); }
};

struct FloatObj : Object {
  double value = 0;
};

struct ComplexObj : Object {
  double real = 0, imag = 0;
};

struct StrObj : Object {
  std::u32string s;
  mutable int64_t hash_cache = -1;
  bool interned = false;
};

struct BytesObj : Object {
  std::string s;
};

struct TupleObj : GcObject {
  std::vector<Object*> items;
  ~TupleObj() override;
  void referents(std::vector<Object*>& out) const override;
};

struct ListObj : GcObject {
  std::vector<Object*> items;
  DictObj* attrs = nullptr;  // a subclass instance's __dict__
  ~ListObj() override;
  void referents(std::vector<Object*>& out) const override;
  void clear(Interp&) override;
};

// Insertion-ordered hash table: entries in order, an open-addressing index.
struct DictObj : GcObject {
  struct Entry {
    int64_t hash;
    Object* key;  // null: deleted
    Object* value;
  };
  std::vector<Entry> entries;
  std::vector<int32_t> index;  // -1 empty, -2 dummy, else entry number
  size_t used = 0;
  uint64_t version = 0;  // bumped on every change of keys (iteration checks)
  // Bumped on every change, values included (type_lookup's and
  // LOAD_GLOBAL's caches); starts at a value no other dict has used, so a
  // new dict at a freed dict's address never matches a cached stamp.
  uint64_t stamp = first_stamp();
  static uint64_t first_stamp();
  DictObj* attrs = nullptr;  // a subclass instance's __dict__
  // A key that is not an exact str has been stored (CPython's general
  // keys table: the collector visits keys too, not only values).
  bool general_keys = false;
  static constexpr bool kTrackedAtBirth = false;
  ~DictObj() override;
  void referents(std::vector<Object*>& out) const override;
  void clear(Interp&) override;
};

// Sets a class statement's type slots (repr, richcompare, ...) from the
// dunder methods of its MRO; setattr calls it when one is assigned.
void refresh_heap_slots(Interp& in, Type* t);

// Where [o] keeps its attributes (instances, functions, exceptions,
// instances of classes subclassing list/dict/set), or null.
DictObj** instance_attrs(Object* o);

// set / frozenset: CPython's table layout (linear probes then perturbation)
// so iteration order, and so repr, match CPython for ints.
struct SetObj : GcObject {
  struct Slot {
    int64_t hash = 0;
    Object* key = nullptr;  // null empty; dummy marked by hash sentinel
    bool dummy = false;
  };
  std::vector<Slot> table = std::vector<Slot>(8);
  size_t fill = 0, used = 0;
  int64_t hash_cache = -1;  // frozenset
  DictObj* attrs = nullptr;  // a subclass instance's __dict__
  ~SetObj() override;
  void referents(std::vector<Object*>& out) const override;
  void clear(Interp&) override;
};

struct RangeObj : Object {
  Object *start, *stop, *step;  // ints
  ~RangeObj() override;
};

struct SliceObj : GcObject {
  Object *start, *stop, *step;
  ~SliceObj() override;
  void referents(std::vector<Object*>& out) const override;
};

struct CellObj : GcObject {
  Object* ref = nullptr;
  ~CellObj() override { xdecref(ref); }
  void referents(std::vector<Object*>& out) const override;
  void clear(Interp&) override;
};

// A code object as the VM runs it: the compiler's CodeObject plus its
// constants and names as objects.
struct CodeObj : Object {
  std::shared_ptr<const compile::CodeObject> code;
  std::vector<Object*> consts;
  std::vector<Object*> names;      // str
  std::vector<Object*> localsplus;  // str: varnames + cells + frees
  int nlocals = 0, ncells = 0, nfrees = 0;  // localsplus = nlocals + ncells + nfrees
  std::vector<int> cell2arg;  // per cell: argument index or -1
  std::vector<std::string> argreprs;  // per code unit, as dis shows it (made when tracing)
  uint32_t serial = 0;  // 1, 2, ... in the order the run made its code objects (events' code_id)
  // Whether the observer [traced_by] traces this code's frames
  // (events::Trace), asked the first time one of them runs.
  const void* traced_by = nullptr;
  bool traced = false;
  Object* name = nullptr;      // co_name (str), given to the functions made from it
  Object* qualname = nullptr;  // co_qualname (str)
  // LOAD_GLOBAL's cache, per name: the value found in [globals] or the
  // builtins, valid while both dicts keep their stamps (CPython's
  // LOAD_GLOBAL inline cache keyed by dict versions).  Values are borrowed:
  // any change to either dict changes its stamp first.
  struct GlobalCache {
    const DictObj* globals = nullptr;
    const DictObj* builtins = nullptr;
    uint64_t globals_stamp = 0, builtins_stamp = 0;
    Object* value = nullptr;
  };
  std::vector<GlobalCache> global_cache;
  ~CodeObj() override;
};

struct FunctionObj : GcObject {
  CodeObj* code;
  DictObj* globals;
  DictObj* builtins;
  Object* name;
  Object* qualname;
  Object* defaults = nullptr;    // tuple or null
  Object* kwdefaults = nullptr;  // dict or null
  Object* closure = nullptr;     // tuple of cells or null
  Object* doc = nullptr;
  Object* module = nullptr;
  Object* annotations = nullptr;
  DictObj* dict = nullptr;
  ~FunctionObj() override;
  void referents(std::vector<Object*>& out) const override;
  void clear(Interp&) override;
};

struct BuiltinObj : GcObject {
  std::string name;
  MethodFn fn;
  Object* self = nullptr;  // bound receiver (module or instance) or null
  Type* owner = nullptr;   // for method descriptors: the defining type
  bool is_method = false;  // a method descriptor (binds on attribute access)
  bool is_classmethod = false;
  ~BuiltinObj() override { xdecref(self); }
  void referents(std::vector<Object*>& out) const override;
};

struct MethodObj : GcObject {  // bound method
  Object* func;
  Object* self;
  ~MethodObj() override;
  void referents(std::vector<Object*>& out) const override;
};

// staticmethod / classmethod / property wrappers.
struct WrapperObj : GcObject {
  Object* a = nullptr;  // func or fget
  Object* b = nullptr;  // fset
  Object* c = nullptr;  // fdel
  Object* doc = nullptr;
  ~WrapperObj() override;
  void referents(std::vector<Object*>& out) const override;
};

struct ModuleObj : GcObject {
  DictObj* dict;
  ~ModuleObj() override;
  void referents(std::vector<Object*>& out) const override;
};

// An instance of a class statement's type.  Its attribute dict is part of
// it (CPython 3.11's inline values: no object of its own for the
// collector) until Python code asks for __dict__ (materialize()).
struct InstanceObj : GcObject {
  DictObj* dict = nullptr;
  std::vector<Object*> slots;  // __slots__ values, by member_descriptor index (null: unset)
  bool dict_materialized = false;
  ~InstanceObj() override;
  void referents(std::vector<Object*>& out) const override;
  void clear(Interp&) override;
  // The dict as an object of its own (obj.__dict__, vars(), dir()).
  DictObj* materialize(Interp& in);
};

// A member_descriptor: slot [index] of instances, named [name] in class
// [owner].
struct MemberObj : Object {
  std::string name, owner;
  size_t index = 0;
};

struct TracebackEntry {
  std::shared_ptr<const compile::CodeObject> code;
  int offset = 0;  // code unit index of the failing instruction
};

struct ExceptionObj : GcObject {
  Object* args;  // tuple
  Object* cause = nullptr;
  Object* context = nullptr;
  // AttributeError.name / .obj and NameError.name (set where raised), and
  // the "Did you mean" a NameError's traceback shows (from its frame).
  Object* name = nullptr;
  Object* obj = nullptr;
  Object* suggestion = nullptr;
  bool suppress_context = false;
  DictObj* dict = nullptr;
  std::vector<TracebackEntry> traceback;
  ~ExceptionObj() override;
  void referents(std::vector<Object*>& out) const override;
  void clear(Interp&) override;
};

// Iterators over built-in containers and the lazy builtins.
struct IterObj : GcObject {
  enum Kind : uint8_t {
    kSeq,         // list/tuple/str/generic __getitem__ by index
    kRange,       // small-int range
    kDictKeys,
    kDictValues,
    kDictItems,
    kSet,
    kEnumerate,
    kZip,
    kMap,
    kFilter,
    kReversed,
    kCallable,  // iter(callable, sentinel)
    kBigRange,
  };
  Kind kind = kSeq;
  Object* seq = nullptr;       // the container / function
  Object* extra = nullptr;     // enumerate counter, zip/map iterators tuple, sentinel
  int64_t pos = 0, stop = 0, step = 1;
  uint64_t version = 0;
  size_t size = 0;
  ~IterObj() override;
  void referents(std::vector<Object*>& out) const override;
};

// dict.keys()/values()/items() views.
struct DictViewObj : GcObject {
  DictObj* dict;
  int which;  // 0 keys, 1 values, 2 items
  ~DictViewObj() override;
  void referents(std::vector<Object*>& out) const override;
};

// ---- the interpreter state --------------------------------------------------

// One atexit callback: func(*args, **kwargs).
struct AtexitCallback {
  Object* func;
  Object* args;    // tuple
  Object* kwargs;  // dict, or null
  void release() const;  // drops the three references
};

// What the embedder provides: all I/O goes through these.
struct Host {
  std::function<void(std::string_view)> write_stdout;
  std::function<void(std::string_view)> write_stderr;
  // One line without its newline; nullopt at end of input.
  std::function<std::optional<std::string>()> read_line;
  bool echo_input = false;  // input() writes the line read to stdout, as a terminal echoes it
  std::function<double()> clock;           // seconds, monotonic
  std::function<double()> wall_clock;      // seconds since the epoch
  std::function<void(double)> sleep;       // seconds
  const fs::FileSystem* files = nullptr;
  fs::FileSystem* writable_files = nullptr;  // open() writes through it, when given
  std::string cwd;                           // relative paths of open() start here
  // Files the program wrote in this run (and the .pyc files its imports
  // cached), by resolved path: what it reads back; the embedder's file
  // system sees them only through writable_files.
  fs::MemoryFileSystem written;
};

// The built-in types, one set per interpreter (no globals).
struct Types {
  Type *type, *object, *none, *notimpl, *ellipsis, *int_, *bool_, *float_, *complex, *str, *bytes,
      *tuple, *list, *dict, *set, *frozenset, *range, *slice, *cell, *code, *function, *builtin,
      *method, *module, *iter, *dict_keys, *dict_values, *dict_items, *staticmethod, *classmethod,
      *property;
  Type* weakref = nullptr;
  Type* member_descriptor = nullptr;  // a __slots__ name in its class's dict
  Type* generic_alias = nullptr;  // list[int] and friends
  Type* generator = nullptr;      // set up by the VM
  Type* coroutine = nullptr;      // set up by the VM
  Type* coroutine_wrapper = nullptr;
  Type* async_generator = nullptr;   // set up by the VM
  Type* async_gen_wrapped = nullptr;  // a value an async generator yields (ASYNC_GEN_WRAP)
  Type* async_gen_asend = nullptr;    // the awaitable of __anext__() / asend()
  Type* async_gen_athrow = nullptr;   // the awaitable of athrow() / aclose()
  // Exceptions.
  Type *BaseException, *SystemExit, *KeyboardInterrupt, *GeneratorExit, *Exception,
      *StopIteration, *ArithmeticError, *FloatingPointError, *OverflowError, *ZeroDivisionError,
      *AssertionError, *AttributeError, *BufferError, *EOFError, *ImportError,
      *ModuleNotFoundError, *LookupError, *IndexError, *KeyError, *MemoryError, *NameError,
      *UnboundLocalError, *OSError, *FileNotFoundError, *ReferenceError, *RuntimeError,
      *NotImplementedError, *RecursionError, *SyntaxError, *IndentationError, *TabError,
      *SystemError, *TypeError, *ValueError, *UnicodeError, *UnicodeDecodeError,
      *UnicodeEncodeError, *Warning, *UserWarning, *DeprecationWarning, *RuntimeWarning,
      *StopAsyncIteration;
};

struct Frame;  // the VM's

// The cycle collector's state (runtime/gc.cpp): the generations' lists,
// their allocation counts and thresholds (CPython's 700, 10, 10).
struct GcState {
  GcObject heads[4];  // sentinels of generations 0, 1, 2 and the frozen objects
  int64_t count[3] = {0, 0, 0};
  int64_t threshold[3] = {700, 10, 10};
  bool enabled = true;
  bool collecting = false;
  bool pending = false;  // a collection is due at the VM's next safe point
  bool stress = false;   // collect generation 0 at every safe point after an allocation
  int debug = 0;         // gc.set_debug flags
  int64_t long_lived_total = 0, long_lived_pending = 0;
  struct Stats {
    int64_t collections = 0, collected = 0, uncollectable = 0;
  } stats[3];
  Object* garbage = nullptr;    // gc.garbage (a list, owned)
  Object* callbacks = nullptr;  // gc.callbacks (a list, owned)
  // Stand-ins of the instances of heap types that are not containers
  // (gc_plain_born), by instance.
  std::unordered_map<const Object*, GcObject*> standins;
  // The weak references to each object (borrowed), in CPython's order:
  // the plain ref first, then those with callbacks, newest first.
  std::unordered_map<const Object*, std::vector<Object*>> weakrefs;
  static constexpr int kDebugStats = 1, kDebugCollectable = 2, kDebugUncollectable = 4,
                       kDebugSaveAll = 32;
  GcState();
};

// How deep C++ may nest for the program (repr of nested containers,
// comparisons, calls through built-ins).  In wasm the engine's own stack
// (about 1 MB in node and browsers) holds every wasm frame, so the limits
// there are much lower; the Python recursion limit is separate and applies
// to Python-to-Python calls, which never nest C++ frames.
#if defined(__EMSCRIPTEN__)
inline constexpr int kMaxNativeDepth = 400;
inline constexpr int kMaxEvalDepth = 100;
#else
inline constexpr int kMaxNativeDepth = 3000;
inline constexpr int kMaxEvalDepth = 1100;
#endif

// Marks [type]'s instances as containers or not; aborts when both kinds
// are made (a bug in pylife, found by the tests).
void gc_layout(Type* type, bool gc);
// A new object [o] that is no container: an instance of a class statement
// (a subclass of int, str …) gets a stand-in in the collector's lists, as
// CPython tracks every instance of a heap type (it refers to its class);
// other types are marked kNoGc.
void gc_plain_born(Interp& in, Object* o);
void gc_plain_dies(Interp& in, Object* o);  // its stand-in goes

struct Interp {
  Host host;
  Types t{};
  Object* None = nullptr;
  Object* True = nullptr;
  Object* False = nullptr;
  Object* NotImplemented = nullptr;
  Object* Ellipsis = nullptr;
  Object* empty_tuple = nullptr;
  Object* empty_str = nullptr;
  Object* small_ints[262] = {};  // -5..256
  Object* one_char[128] = {};    // ASCII one-character strings
  DictObj* interned = nullptr;   // str -> str
  DictObj* builtins = nullptr;
  DictObj* modules = nullptr;  // sys.modules
  ModuleObj* sys = nullptr;

  Object* exc = nullptr;       // the exception being raised (owned)
  Object* handled = nullptr;   // the exception the running frame handles (borrowed from frames)
  // While generators run: each resumer's handled exception, innermost last
  // (CPython's exc_info chain).
  std::vector<Object*> handled_outer;
  // sys.exc_info()'s exception: the innermost one being handled, looking
  // through generators that handle none themselves; or null.
  Object* topmost_handled() const {
    if (handled) return handled;
    for (auto it = handled_outer.rbegin(); it != handled_outer.rend(); ++it) {
      if (*it) return *it;
    }
    return nullptr;
  }
  int64_t live_objects = 0;    // objects allocated and not yet destroyed
  GcState gc;
  // Tracking (CPython's _PyObject_GC_TRACK / UNTRACK): into generation 0.
  void gc_track(GcObject* o) {
    GcObject* h = &gc.heads[0];
    o->gc_gen = 0;
    o->gc_prev = h->gc_prev;
    o->gc_next = h;
    h->gc_prev->gc_next = o;
    h->gc_prev = o;
  }
  void gc_untrack(GcObject* o) {
    o->gc_prev->gc_next = o->gc_next;
    o->gc_next->gc_prev = o->gc_prev;
    o->gc_prev = o->gc_next = nullptr;
  }
  // A container was made: counted towards generation 0's threshold.
  void gc_born(GcObject* o, bool track) {
    if (track) gc_track(o);
    if (++gc.count[0] > gc.threshold[0] || gc.stress) gc_due();
  }
  // Asks for a collection at the VM's next safe point (a backward jump or
  // a frame's RESUME), where no C++ code holds half-made objects.
  [[gnu::cold, gnu::noinline]] void gc_due();
  uint32_t code_serials = 0;   // code objects made so far (CodeObj::serial)
  AllocWatch* alloc_watch = nullptr;  // set while detailed events are reported
  // Tells alloc_watch (kept out of line: the allocation paths stay small).
  [[gnu::cold, gnu::noinline]] void watch_alloc(Object* o, size_t size);
  [[gnu::cold, gnu::noinline]] void watch_free(Object* o);
  int64_t allocated_bytes = 0;  // bytes ever allocated (a statistic)
  int64_t max_memory = 0;      // 0: unlimited
  int recursion_limit = 1000;
  int depth = 0;               // Python frames on the stack
  int native_depth = 0;        // nested C++ calls (repr, compare, call, ...)
  int eval_depth = 0;          // nested evaluation loops (calls from built-ins)
  uint64_t steps = 0, max_steps = 0;
  std::vector<uint64_t> collect_at;  // RunOptions::collect_at, the next first
  uint64_t interrupt_at = 0;          // RunOptions::interrupt_at
  std::atomic<bool>* interrupt = nullptr;  // Io::interrupt
  // The first step the VM's instruction hook has work at: the observer's
  // first observed step, or the step past the budget (see run_frame).
  uint64_t hook_from = UINT64_MAX;
  events::Observer* observer = nullptr;  // the embedder's, or none
  uint64_t observe_from = 0;             // instruction events from this step on
  // Per-instruction work is needed (a step budget or an observer): the
  // one branch the loop takes for every instruction.
  bool hooks = false;
  bool step_limit_hit = false;
  bool suspended = false;  // the last run_frame stopped at a yield, not a return
  Frame* frame = nullptr;      // the innermost running frame
  std::vector<Type*> static_types;  // built-in types, freed last
  std::vector<std::string> argv;
  std::string program_name;
  std::vector<std::string> source_lines;  // of the main program, for tracebacks
  // Source files read by the program, by filename, for tracebacks.
  std::vector<std::pair<std::string, std::vector<std::string>>> sources;
  // The import system: the modules being imported (innermost last), how
  // the .pyc cache is validated and whether it is written.
  std::vector<std::string> importing;
  int out_of_sight = 0;  // the import system's Python helpers are running (no events)
  // atexit.register'ed callbacks, in registration order.
  std::vector<AtexitCallback> atexit_callbacks;
  pyc::Mode pyc_mode = pyc::Mode::kTimestamp;
  bool write_pyc = true;

  // Set by the VM: run a function object.
  Object* (*call_function)(Interp&, FunctionObj*, const Args&) = nullptr;
  // Set by the VM: next() on a generator, raising StopIteration(value)
  // when it returns (the next slot only reports exhaustion).
  Object* (*generator_next)(Interp&, Object* gen) = nullptr;
  // Writes "Exception ignored in: WHERE" and [exc]'s traceback to stderr
  // (an error in __del__ has nowhere to go); set by the VM.
  void (*report_unraisable)(Interp&, Object* exc, Object* where) = nullptr;
  // Writes a warning ("FILE:LINE: CATEGORY: MESSAGE" and the source line)
  // to stderr for the running Python line, once per location as the
  // default warning filter does; [source_hint] adds the tracemalloc hint
  // CPython prints for warnings about an object.  Set by the VM.
  void (*warn)(Interp&, const std::string& category, const std::string& message,
               bool source_hint) = nullptr;
  std::vector<std::string> warnings_shown;  // the default filter's registry
  // Destruction of deep structures: pending objects and nesting depth.
  std::vector<Object*> dealloc_queue;
  int dealloc_depth = 0;
  std::string stdout_buffer;
  std::shared_ptr<void> vm_data;  // the VM's frame storage
  // Freed int and float objects kept for reuse (CPython keeps float and
  // small-object free lists too).
  // iname(): borrowed interned strs by their text (hashed: the runtime asks
  // for dunder names on every call of a class's methods).
  std::unordered_map<std::string, Object*> name_cache;
  // iname()'s first level: by the caller's text pointer (string literals),
  // the text compared to be sure.
  struct NameSlot {
    const char* data = nullptr;
    std::string text;
    Object* name = nullptr;
  };
  std::vector<NameSlot> name_slots = std::vector<NameSlot>(512);
  // type_lookup()'s cache (CPython's type attribute cache): (type, interned
  // name) -> what the MRO gives, valid while the MRO's dicts keep their
  // stamps and no type has been freed since.
  struct TypeCacheEntry {
    const Type* type = nullptr;
    Object* name = nullptr;
    uint64_t stamps = 0;
    uint64_t epoch = 0;
    Object* value = nullptr;
  };
  std::vector<TypeCacheEntry> type_cache = std::vector<TypeCacheEntry>(4096);
  uint64_t type_epoch = 1;
  std::vector<IntObj*> free_ints;
  std::vector<FloatObj*> free_floats;
  // How many freed ints/floats each list keeps.  0 while alloc_watch is
  // set, so every object goes through alloc() and dealloc()'s delete, the
  // only places that tell the watch (the fast paths stay as they are).
  static constexpr size_t kFreeListCap = 4096;
  size_t free_list_cap = kFreeListCap;

  Interp();
  ~Interp();
  Interp(const Interp&) = delete;
  Interp& operator=(const Interp&) = delete;

  // Allocates a T of [type] (refcount 1), counting it as live.
  template <typename T>
  T* alloc(Type* type) {
    T* o = new T();
    o->type = type;
    ++live_objects;
    allocated_bytes += static_cast<int64_t>(sizeof(T));
    incref(type);
    if constexpr (std::is_base_of_v<GcObject, T>) {
      if (__builtin_expect(!(type->flags & Type::kHaveGc), 0)) gc_layout(type, true);
      // Instances of heap types are tracked from birth (PyType_GenericAlloc).
      gc_born(o, T::kTrackedAtBirth || type->heap);
    } else {
      if (__builtin_expect(!(type->flags & Type::kNoGc), 0)) gc_plain_born(*this, o);
    }
    if (PYLIFE_EVENT_HOOKS && __builtin_expect(alloc_watch != nullptr, 0)) watch_alloc(o, sizeof(T));
    return o;
  }

  // Raising.
  std::nullptr_t raise(Type* type, std::string message);
  std::nullptr_t raise_obj(Object* exc);  // steals [exc]
  bool error() const { return exc != nullptr; }
  bool matches(Type* type) const;  // current exception is an instance of [type]
  void clear_error() {
    Object* e = exc;
    exc = nullptr;
    xdecref(e);
  }
  Object* fetch_error() {
    Object* e = exc;
    exc = nullptr;
    return e;
  }
  void flush_stdout();
  void write_stdout(std::string_view s);
  void write_stderr(std::string_view s);  // flushes stdout first
};

// ---- the cycle collector and weak references (gc.cpp, weakref.cpp) ---------------

// CPython's _PyObject_GC_MAY_BE_TRACKED: a container that is (or, for
// tuples, still is) tracked; an instance of a heap type (a stand-in).
inline bool gc_may_be_tracked(const Object* o) {
  const Type* t = o->type;
  if (!(t->flags & Type::kHaveGc)) return t->heap;
  if (t->layout == Type::Layout::kTuple && !t->heap) return static_cast<const GcObject*>(o)->tracked();
  return true;
}
// Tracks dict [d] once it holds something that may be tracked (CPython's
// MAINTAIN_TRACKING); never an instance's own attribute dict.
inline void dict_maybe_track(Interp& in, DictObj* d, Object* key, Object* value) {
  if (d->tracked() || (d->gc_bits & GcObject::kUncounted)) return;
  if (gc_may_be_tracked(value) || gc_may_be_tracked(key)) in.gc_track(d);
}
// Collects [generation] (and the younger ones); the number of unreachable
// objects found.  Never raises; does nothing while a collection runs.
int64_t gc_collect(Interp& in, int generation, events::GcCollection::Reason reason);
// The collection Interp::gc_due asked for (the VM calls it).
void gc_collect_due(Interp& in);
std::vector<Object*> gc_objects(Interp& in, int generation);  // -1: all (borrowed)
void gc_referents(Object* o, std::vector<Object*>& out);       // tp_traverse, type included
void gc_freeze(Interp& in);
void gc_unfreeze(Interp& in);
size_t gc_generation_size(Interp& in, int generation);  // 3: frozen
int gc_generation_of(Interp& in, Object* o);  // 0..2, 3 frozen, -1 untracked
// Calls fn(arg), reporting an error as unraisable (finalizers, callbacks).
void call_unraisable(Interp& in, Object* fn, Object* arg);
// Clears the weak references to [o]; with [call_callbacks] (o is being
// destroyed) their callbacks run, else the cleared references are
// returned (borrowed) for the collector to decide.
std::vector<Object*> weakrefs_clear(Interp& in, GcObject* o, bool call_callbacks);
// A weak reference's callback (borrowed, or null); kills one (referent gone).
Object* weakref_callback(Object* wr);
void weakref_kill(Interp& in, Object* wr);
void init_gc_module(Interp& in);
void init_weakref_module(Interp& in);

// A container about to be destroyed: untracked, uncounted, weak references
// cleared.
inline void gc_forget(Interp& in, GcObject* o) {
  if (o->tracked()) in.gc_untrack(o);
  if (!(o->gc_bits & GcObject::kUncounted) && in.gc.count[0] > 0) --in.gc.count[0];
  if (__builtin_expect(o->gc_bits & GcObject::kWeakrefs, 0)) weakrefs_clear(in, o, true);
}

// ---- constructors -----------------------------------------------------------

Object* new_int(Interp& in, int64_t v);
Object* new_int(Interp& in, BigInt v);
Object* new_float(Interp& in, double v);
Object* new_complex(Interp& in, double re, double im);
Object* new_bool(Interp& in, bool v);
Object* new_str(Interp& in, std::u32string s);
Object* new_str(Interp& in, std::string_view utf8);
Object* intern(Interp& in, std::string_view utf8);  // shared, immortal-ish str
// The interned str [utf8], borrowed (the interned table keeps it alive).
Object* iname(Interp& in, std::string_view utf8);
Object* new_bytes(Interp& in, std::string s);
Object* new_tuple(Interp& in, std::vector<Object*> items);  // steals the items
Object* new_list(Interp& in, std::vector<Object*> items);   // steals the items
DictObj* new_dict(Interp& in);
// The attribute dict an instance starts with (no object of its own for
// the collector until InstanceObj::materialize).
DictObj* new_instance_dict(Interp& in);
SetObj* new_set(Interp& in, bool frozen);
Object* new_slice(Interp& in, Object* start, Object* stop, Object* step);  // borrows
Object* new_cell(Interp& in, Object* value);                                // borrows
Object* new_builtin(Interp& in, std::string name, MethodFn fn, Object* self);
Object* new_method(Interp& in, Object* func, Object* self);  // borrows
ModuleObj* new_module(Interp& in, std::string_view name);
Object* new_exception(Interp& in, Type* type, Object* args_tuple);  // steals args
// ImportError's name and path attributes (each left alone when null).
void set_import_error_info(Interp& in, ExceptionObj* e, Object* name, Object* path);
CodeObj* new_code(Interp& in, std::shared_ptr<const compile::CodeObject> code);  // vm/run.cpp

// ---- type checks --------------------------------------------------------------

inline bool is_type(const Object* o, const Type* t) {
  return o->type == t || o->type->is_subtype(t);
}
inline bool is_exact(const Object* o, const Type* t) { return o->type == t; }

// Checked casts by instance layout (no RTTI on hot paths).
inline InstanceObj* as_instance(Object* o) {
  return o->type->layout == Type::Layout::kInstance ? static_cast<InstanceObj*>(o) : nullptr;
}
inline ExceptionObj* as_exception(Object* o) {
  return o->type->layout == Type::Layout::kException ? static_cast<ExceptionObj*>(o) : nullptr;
}
inline ModuleObj* as_module(Object* o) {
  return o->type->layout == Type::Layout::kModule ? static_cast<ModuleObj*>(o) : nullptr;
}
inline FunctionObj* as_function(Object* o) {
  return o->type->layout == Type::Layout::kFunction ? static_cast<FunctionObj*>(o) : nullptr;
}
inline StrObj* as_str(Object* o) {
  return o->type->layout == Type::Layout::kStr ? static_cast<StrObj*>(o) : nullptr;
}
inline TupleObj* as_tuple(Object* o) {
  return o->type->layout == Type::Layout::kTuple ? static_cast<TupleObj*>(o) : nullptr;
}

// UTF-8 of a str object.
std::string utf8(const Object* str);
std::u32string_view str_view(const Object* str);

// ---- the abstract object protocol (abstract.c) ---------------------------------

Object* repr(Interp& in, Object* o);
Object* str(Interp& in, Object* o);
Object* ascii(Interp& in, Object* o);
// repr() as UTF-8; nullopt on error.
std::optional<std::string> repr_utf8(Interp& in, Object* o);
std::optional<std::string> str_utf8(Interp& in, Object* o);
bool hash_slow(Interp& in, Object* o, int64_t* out);
int64_t str_hash_value(const StrObj* s);
int64_t hash_bytes(const uint8_t* data, size_t size);
// CPython's suggestions.c: the closest of [candidates] to [name] by its
// Levenshtein distance (case changes cost half), or null.
Object* closest_name(Interp& in, const std::vector<Object*>& candidates, Object* name);  // CPython's _Py_HashBytes (PYTHONHASHSEED=0)
inline bool hash(Interp& in, Object* o, int64_t* out) {
  if (o->type->layout == Type::Layout::kStr) {
    *out = str_hash_value(static_cast<const StrObj*>(o));
    return true;
  }
  return hash_slow(in, o, out);
}
Object* compare(Interp& in, Object* a, Object* b, int op);
int compare_bool(Interp& in, Object* a, Object* b, int op);  // -1 error
int equal(Interp& in, Object* a, Object* b);                 // identity shortcut; -1 error
int truth(Interp& in, Object* o);
Object* binary_op(Interp& in, Object* a, Object* b, int op);
// int <op> int for exact ints (NotImplemented for @).
Object* int_binary_op(Interp& in, Object* a, Object* b, int op);
Object* unary_neg(Interp& in, Object* o);
Object* unary_pos(Interp& in, Object* o);
Object* unary_invert(Interp& in, Object* o);
Object* call(Interp& in, Object* callable, const Args& args);
Object* call0(Interp& in, Object* callable);
Object* call1(Interp& in, Object* callable, Object* arg);
Object* call2(Interp& in, Object* callable, Object* a, Object* b);
Object* get_iter(Interp& in, Object* o);
Object* iter_next(Interp& in, Object* it);  // nullptr: exhausted or error
// The same, but a class's __next__ ending with StopIteration leaves it set
// (as CPython's slot does; a tracer is told of it).
Object* iter_next_keeping_stop(Interp& in, Object* it);
int64_t length(Interp& in, Object* o);
Object* getitem(Interp& in, Object* o, Object* key);
int setitem(Interp& in, Object* o, Object* key, Object* value);
int delitem(Interp& in, Object* o, Object* key);
int contains(Interp& in, Object* container, Object* item);
Object* getattr(Interp& in, Object* o, Object* name);
Object* getattr(Interp& in, Object* o, std::string_view name);
// Attribute lookup that does not raise AttributeError (returns null, no error).
Object* lookup_attr(Interp& in, Object* o, Object* name);
// The generic lookup (type MRO, data descriptors, instance dict) that
// getattr slots fall back on; null when absent, no AttributeError.
Object* generic_lookup(Interp& in, Object* o, Object* name);
int setattr(Interp& in, Object* o, Object* name, Object* value);  // value null: delete
Object* format(Interp& in, Object* value, Object* spec);
// Looks [name] up along the type's MRO; borrowed, no error when absent.
Object* type_lookup(const Type* t, Object* name);
Object* type_lookup(Interp& in, const Type* t, std::string_view name);
// A list of the items of any iterable (new list).
Object* sequence_to_list(Interp& in, Object* iterable);
// Items of a tuple or list, borrowed view.
std::span<Object* const> seq_items(Object* tuple_or_list);
// Index value of an int-like object (__index__).
bool index_value(Interp& in, Object* o, int64_t* out);
// int → BigInt.
BigInt int_value(const Object* int_obj);
double float_value(Interp& in, Object* o, bool* ok);  // float(), ints, bools
std::string type_name(const Object* o);

// ---- dict and set ---------------------------------------------------------------

Object* dict_get(Interp& in, DictObj* d, Object* key);  // borrowed; null: absent or error
Object* dict_get_str(DictObj* d, Object* key);          // borrowed; str key, never errors
int dict_set(Interp& in, DictObj* d, Object* key, Object* value);
int dict_del(Interp& in, DictObj* d, Object* key);  // 0 ok, -1 error, 1 absent (no error)
void dict_set_str(Interp& in, DictObj* d, std::string_view key, Object* value);  // steals value
int set_add(Interp& in, SetObj* s, Object* key);
bool set_update(Interp& in, SetObj* s, Object* iterable);  // set.update, CPython's table layout
int set_contains(Interp& in, SetObj* s, Object* key);
int set_discard(Interp& in, SetObj* s, Object* key);  // 1 found, 0 absent, -1 error

// ---- arguments --------------------------------------------------------------------

// Binds [args] to parameter names like a Python signature would:
// out[i] borrowed or null when not given.  [npositional_only] leading
// names may not be passed by keyword.  Raises CPython's TypeErrors.
bool parse_args(Interp& in, std::string_view fname, const Args& args,
                std::initializer_list<std::string_view> names, size_t required,
                Object** out, size_t npositional_only = 0);
// Raises "f() takes no keyword arguments" when keywords are present.
bool no_kwargs(Interp& in, std::string_view fname, const Args& args);
bool arg_count(Interp& in, std::string_view fname, const Args& args, size_t min, size_t max);

// Adds a method to a type's dict.
void add_method(Interp& in, Type* type, std::string_view name, MethodFn fn,
                bool classmethod = false);
Type* new_static_type(Interp& in, std::string name, Type* base);

// Setup of each family of types (types.cpp, numbers_obj.cpp, ...).
void init_object_types(Interp& in);
void init_number_types(Interp& in);
void init_str_types(Interp& in);
void init_container_types(Interp& in);
void init_exception_types(Interp& in);
void init_builtins(Interp& in);

// The exception hierarchy's text forms.
std::string exception_str(Interp& in, Object* exc);

// Heap types (class statements).
// `match` (ceval.c match_keys / match_class): a tuple of the subject's
// values for [keys] (a tuple), or of the attributes a class pattern names;
// None when they are absent; null with an exception on errors.
Object* match_keys(Interp& in, Object* subject, Object* keys);
// The built-in module _pylife_sre, re's engine (runtime/sre.cpp).
void init_sre_module(Interp& in);
// list[int] and friends' type (object.cpp).
void init_generic_alias_type(Interp& in);
// Dunder methods for the built-in types' slots (object.cpp; run once every
// built-in type has its slots).
void add_slot_wrappers(Interp& in);
Object* match_class(Interp& in, Object* subject, Object* type, int nargs, Object* kwargs);
// The class [name] with [bases] and namespace [ns], of metaclass
// [metatype]; [kw]'s keyword arguments go to __init_subclass__.
Object* build_class_type(Interp& in, Object* metatype, Object* name, Object* bases, Object* ns,
                         const Args& kw = Args{});
// _PyType_CalculateMetaclass: the most derived of [meta] and the bases'
// metaclasses; null with TypeError on a conflict.
Type* calculate_metaclass(Interp& in, Type* meta, Object* bases);

Object* int_from_double(Interp& in, double d);
bool check_alloc(Interp& in, double n, double size);
bool slice_indices(Interp& in, Object* slice, int64_t length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* slicelength);
Object* new_iter_of(Interp& in, int kind, Object* seq, Object* extra);  // steals seq/extra
ModuleObj* make_module(Interp& in, std::string_view name);  // registered in sys.modules
int64_t str_hash_value(const StrObj* s);

// Float repr as CPython.
std::string float_repr(double v);
// Sort a list in place: stable, key and reverse; false on error.
bool list_sort(Interp& in, ListObj* list, Object* key, bool reverse);

}  // namespace pylife::runtime
