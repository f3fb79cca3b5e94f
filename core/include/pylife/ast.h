// The abstract syntax tree: CPython 3.11's `ast` node kinds and fields as
// plain data with source locations.
//
// One generic node type, described by ast_nodes.def (generated from
// CPython's ast module): the dumper, the UI's tree panel and the compiler
// all read the same field table.  Fields are addressed by index;
// PYLIFE_FIELD(Kind, name) gives the index at compile time.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pylife::ast {

enum class Kind : uint8_t {
#define PYLIFE_AST_NODE(kind, category, located) kind,
#define PYLIFE_AST_FIELD(kind, name, type, quantifier)
#include "pylife/ast_nodes.def"
#undef PYLIFE_AST_NODE
#undef PYLIFE_AST_FIELD
};

// What a field holds, and how many.
enum class FieldType : uint8_t { Node, Identifier, String, Constant, Int };
enum class Quantifier : uint8_t { One, Opt, List };

struct FieldSpec {
  Kind kind;
  std::string_view name;
  FieldType type;
  Quantifier quantifier;
};

// Every field of every node kind, in ASDL order.
inline constexpr FieldSpec kFieldSpecs[] = {
#define PYLIFE_AST_NODE(kind, category, located)
#define PYLIFE_AST_FIELD(kind, name, type, quantifier) \
  {Kind::kind, #name, FieldType::type, Quantifier::quantifier},
#include "pylife/ast_nodes.def"
#undef PYLIFE_AST_NODE
#undef PYLIFE_AST_FIELD
};

// A node kind's name, category ("stmt", "expr", ...) and whether it has
// lineno/col_offset/end_lineno/end_col_offset.
struct KindSpec {
  std::string_view name;
  std::string_view category;
  bool located;
};

inline constexpr KindSpec kKindSpecs[] = {
#define PYLIFE_AST_NODE(kind, category, located) {#kind, #category, located},
#define PYLIFE_AST_FIELD(kind, name, type, quantifier)
#include "pylife/ast_nodes.def"
#undef PYLIFE_AST_NODE
#undef PYLIFE_AST_FIELD
};

inline constexpr const KindSpec& spec(Kind k) {
  return kKindSpecs[static_cast<size_t>(k)];
}

// Index of field [name] among [kind]'s fields (compile-time when constant).
constexpr size_t field_index(Kind kind, std::string_view name) {
  size_t index = 0;
  for (const auto& f : kFieldSpecs) {
    if (f.kind == kind) {
      if (f.name == name) return index;
      ++index;
    }
  }
  return static_cast<size_t>(-1);
}

// Number of fields of [kind].
constexpr size_t field_count(Kind kind) {
  size_t n = 0;
  for (const auto& f : kFieldSpecs) n += f.kind == kind;
  return n;
}

// The spec of field [index] of [kind].
const FieldSpec& field_spec(Kind kind, size_t index);

#define PYLIFE_FIELD(kind, name)  \
  (std::integral_constant<size_t, \
                          ::pylife::ast::field_index(::pylife::ast::Kind::kind, #name)>::value)

// A Python constant as the parser produces it.
struct Constant {
  enum class Kind : uint8_t {
    kNone,
    kTrue,
    kFalse,
    kEllipsis,
    kInt,
    kFloat,
    kComplex,
    kStr,
    kBytes
  };
  Kind kind = Kind::kNone;
  std::string text;   // Int: decimal digits; Str: UTF-8; Bytes: raw bytes
  double number = 0;  // Float: the value; Complex: the imaginary part
};

struct Node;

// One field's value; which alternative is used follows the field's spec
// (Opt fields are std::monostate when absent).
using Value = std::variant<std::monostate, Node*, std::vector<Node*>, std::string,
                           std::vector<std::string>, long long, Constant>;

// Where a node is in the source: lines from 1, columns in UTF-8 bytes from
// 0 (as CPython's ast reports them).
struct Location {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

struct Node {
  Kind kind;
  Location loc;
  std::vector<Value> fields;

  Node*& node(size_t i) { return std::get<Node*>(fields[i]); }
  Node* opt(size_t i) const {
    auto* p = std::get_if<Node*>(&fields[i]);
    return p ? *p : nullptr;
  }
  std::vector<Node*>& list(size_t i) { return std::get<std::vector<Node*>>(fields[i]); }
  std::string& str(size_t i) { return std::get<std::string>(fields[i]); }
  const Constant& constant(size_t i) const { return std::get<Constant>(fields[i]); }
  long long& integer(size_t i) { return std::get<long long>(fields[i]); }
};

// Owns every node of one parse.
class Arena {
 public:
  // A new node of [kind] at [loc] with every field at its empty default.
  Node* make(Kind kind, Location loc = {});

 private:
  std::deque<Node> nodes_;
};

// ast.dump(node, indent=indent) for [indent] >= 0, ast.dump(node) for -1.
// Trees nested deeper than CPython's ast.dump can recurse (its recursion
// limit of 1000) give an empty string and set [too_deep].
std::string dump(const Node* node, int indent = -1, bool* too_deep = nullptr);

// How deep ast.dump may nest before CPython raises RecursionError.
inline constexpr int kMaxDumpDepth = 990;

// repr() of a constant as Python prints it (floats shortest round-trip).
std::string repr(const Constant& c);

// Python's repr() of a float (shortest round-trip, 'r' format); without
// [add_dot_0] integral values print without ".0" (as in complex repr).
std::string repr_float(double value, bool add_dot_0 = true);

}  // namespace pylife::ast
