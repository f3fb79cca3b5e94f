// Stage 3: the bytecode compiler.  A module's AST and symbol tables become
// code objects with CPython 3.11's instructions (Python/compile.c): the
// same opcodes, the same order of constants and names, inline caches, and
// the control-flow clean-ups of its assembler where this compiler has
// them.  Constructs not compiled yet are reported as such, never
// compiled wrongly.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pylife/ast.h"
#include "pylife/code.h"
#include "pylife/parse.h"
#include "pylife/symtable.h"

namespace pylife::compile {

struct CompileResult {
  bool ok = false;
  std::shared_ptr<CodeObject> code;
  parse::SyntaxError error;  // compile-time errors in CPython's words
  // [error] is a construct this compiler does not handle yet, not an
  // error in the program.
  bool unsupported = false;
  // The compiler's SyntaxWarnings ("is" with a literal, a call of a
  // literal, ...), in the order CPython emits them.
  std::vector<parse::Warning> warnings;
};

// Compiles a Module whose symbol tables are [symbols].
// [expression]: the module is one expression statement, compiled as
// eval() compiles it (its value returned).
CompileResult compile_module(const ast::Node* module, const SymbolTable& symbols,
                             std::string_view filename, const std::vector<std::string_view>& lines,
                             bool expression = false);

}  // namespace pylife::compile
