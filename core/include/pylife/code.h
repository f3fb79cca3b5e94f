// Code objects: what the compiler produces and the VM runs, with the
// fields of CPython 3.11's code objects (co_code with inline CACHE
// entries, co_consts, co_names, co_varnames/cellvars/freevars, flags,
// argument counts, stack size) and a location per code unit.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "pylife/ast.h"

namespace pylife::compile {

struct CodeObject;

// A constant of co_consts.
struct Const {
  enum class Kind : uint8_t {
    kNone,
    kTrue,
    kFalse,
    kEllipsis,
    kInt,
    kFloat,
    kComplex,
    kStr,
    kBytes,
    kTuple,
    kFrozenset,  // items, in insertion order
    kCode
  };
  Kind kind = Kind::kNone;
  std::string text;                  // kInt: decimal; kStr: UTF-8; kBytes: raw
  double number = 0;                 // kFloat, kComplex (imaginary part)
  double real = 0;                   // kComplex: the real part
  std::vector<Const> items;          // kTuple, kFrozenset
  std::shared_ptr<CodeObject> code;  // kCode

  static Const from_ast(const ast::Constant& c);
  // Same type and value (how the compiler shares constants: 1, 1.0 and
  // True stay distinct, as do 0.0 and -0.0).
  bool same(const Const& other) const;
  // repr() of the constant, as dis shows it.
  std::string repr() const;
};

// Code object flags (CO_*).
enum CodeFlags : int {
  kOptimized = 0x1,
  kNewLocals = 0x2,
  kVarargs = 0x4,
  kVarkeywords = 0x8,
  kNested = 0x10,
  kGenerator = 0x20,
  kCoroutine = 0x80,
  kIterableCoroutine = 0x100,
  kAsyncGenerator = 0x200,
};

// Where an instruction came from (line -1: none).
struct Position {
  int line = -1, end_line = -1, col = -1, end_col = -1;
};

// One row of the exception table (code unit offsets): an exception raised
// by an instruction in [start, end) jumps to [target] with the operand
// stack cut to [depth] (plus the offset of the raising instruction when
// [lasti]).
struct ExceptionEntry {
  int start = 0, end = 0, target = 0, depth = 0;
  bool lasti = false;
};

struct CodeObject {
  std::string name, qualname, filename;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  int stacksize = 0, flags = 0, firstlineno = 1;
  std::vector<uint8_t> code;        // co_code: (opcode, oparg) pairs, CACHEs included
  std::vector<Position> positions;  // one per code unit
  std::vector<Const> consts;
  std::vector<std::string> names;
  std::vector<std::string> varnames, cellvars, freevars;
  std::vector<ExceptionEntry> exceptiontable;

  // co_varnames + cellvars not also arguments + freevars: the names
  // LOAD_FAST / LOAD_DEREF / MAKE_CELL index.
  std::vector<std::string> localsplus() const;
};

}  // namespace pylife::compile
