// Symbol tables: which names are local, global, free or cell in each
// scope, as CPython 3.11's Python/symtable.c decides (two passes: collect
// each block's symbols with their flags, then resolve scopes from the
// outside in).  The compiler uses it; the UI shows it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pylife/ast.h"
#include "pylife/parse.h"

namespace pylife::compile {

// Symbol flags (symtable.h).
enum SymbolFlags : int {
  kDefGlobal = 1,      // global statement
  kDefLocal = 2,       // assignment in this block
  kDefParam = 4,       // formal parameter
  kDefNonlocal = 8,    // nonlocal statement
  kUse = 16,           // name is used
  kDefFree = 32,       // used but not defined here
  kDefFreeClass = 64,  // free in a method, bound in the class
  kDefImport = 128,    // bound by import
  kDefAnnot = 256,     // annotated
  kDefCompIter = 512,  // comprehension iteration variable
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

// Resolved scopes.
enum class Scope {
  kNone = 0,
  kLocal = 1,
  kGlobalExplicit = 2,
  kGlobalImplicit = 3,
  kFree = 4,
  kCell = 5
};

struct Symbol {
  std::string name;  // mangled for private names in classes
  int flags = 0;
  Scope scope = Scope::kNone;
};

enum class BlockType { kModule, kFunction, kClass };

struct SymbolTable {
  BlockType type = BlockType::kModule;
  std::string name;  // "top", a def/class name, "lambda", "listcomp", ...
  int lineno = 0;
  const ast::Node* node = nullptr;    // the AST node of the block
  std::vector<Symbol> symbols;        // in first-seen order
  std::vector<std::string> varnames;  // parameters, in order
  std::vector<std::unique_ptr<SymbolTable>> children;
  bool nested = false, generator = false, coroutine = false, comprehension = false;
  bool child_free = false, has_free = false, needs_class_closure = false;

  const Symbol* lookup(std::string_view name) const;
};

struct SymtableResult {
  bool ok = false;
  std::unique_ptr<SymbolTable> top;
  parse::SyntaxError error;
};

// Builds the symbol tables of a Module tree.  [lines] give error text.
SymtableResult build_symtable(const ast::Node* module, const std::vector<std::string_view>& lines);

// The symtable module's view, one block per line then its symbols (sorted):
// "function f line 3 optimized" / "  x: referenced local assigned".
std::string dump_symtable(const SymbolTable& table);

// _Py_Mangle: the name a class's private identifier is stored under.
std::string mangle(const std::string& class_name, const std::string& name);

}  // namespace pylife::compile
