// AST arena, ast.dump and constant reprs.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "pylife/ast.h"
#include "pylife/dtoa.h"
#include "pylife/unicode.h"

namespace pylife::ast {

namespace {

// Start of each kind's fields in kFieldSpecs.
struct FieldOffsets {
  size_t start[std::size(kKindSpecs) + 1] = {};
  constexpr FieldOffsets() {
    size_t k = 0, i = 0;
    for (; k < std::size(kKindSpecs); ++k) {
      start[k] = i;
      while (i < std::size(kFieldSpecs) && kFieldSpecs[i].kind == static_cast<Kind>(k)) ++i;
    }
    start[k] = i;
  }
};
constexpr FieldOffsets kOffsets;

// Newline + indentation for [level] (empty without indent).
std::string margin(int level, int indent) {
  std::string out;
  if (indent >= 0) {
    out += '\n';
    out.append(static_cast<size_t>(indent * level), ' ');
  }
  return out;
}

// ast.dump's _format, with a nesting count that stops where CPython's
// recursion limit would.
class Dumper {
 public:
  explicit Dumper(int indent) : indent_(indent) {}
  bool too_deep() const { return too_deep_; }

  // _format for a node, at the caller's [level].
  std::pair<std::string, bool> node(const Node* n, int level) {
    if (!n) return {"None", true};
    Nest nest(*this);
    if (too_deep_) return {"", true};
    int inner = level + (indent_ >= 0 ? 1 : 0);
    std::string prefix = margin(inner, indent_);
    std::string sep = indent_ >= 0 ? "," + prefix : ", ";
    std::vector<std::string> args;
    bool allsimple = true;
    for (size_t i = 0; i < n->fields.size(); ++i) {
      const FieldSpec& f = field_spec(n->kind, i);
      const Value& v = n->fields[i];
      // Optional fields that are None are left out (their class default is None).
      if (std::holds_alternative<std::monostate>(v)) continue;
      if (f.quantifier == Quantifier::Opt && std::holds_alternative<Node*>(v) &&
          std::get<Node*>(v) == nullptr) {
        continue;
      }
      auto [text, simple] = value(v, inner);
      allsimple = allsimple && simple;
      args.push_back(std::string(f.name) + "=" + text);
    }
    std::string name(spec(n->kind).name);
    if (allsimple && args.size() <= 3) {
      std::string out = name + "(";
      for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i];
      return {out + ")", args.empty()};
    }
    std::string out = name + "(" + prefix;
    for (size_t i = 0; i < args.size(); ++i) out += (i ? sep : "") + args[i];
    return {out + ")", false};
  }

 private:
  // _format for a field value, at the caller's [level].
  std::pair<std::string, bool> value(const Value& v, int level) {
    if (auto* n = std::get_if<Node*>(&v)) return node(*n, level);
    Nest nest(*this);
    if (too_deep_) return {"", true};
    int inner = level + (indent_ >= 0 ? 1 : 0);
    std::string prefix = margin(inner, indent_);
    std::string sep = indent_ >= 0 ? "," + prefix : ", ";
    if (auto* list = std::get_if<std::vector<Node*>>(&v)) {
      if (list->empty()) return {"[]", true};
      std::string out = "[" + prefix;
      for (size_t i = 0; i < list->size(); ++i) {
        if (i) out += sep;
        out += node((*list)[i], inner).first;
      }
      return {out + "]", false};
    }
    if (auto* names = std::get_if<std::vector<std::string>>(&v)) {
      if (names->empty()) return {"[]", true};
      std::string out = "[" + prefix;
      for (size_t i = 0; i < names->size(); ++i) {
        if (i) out += sep;
        out += unicode::repr_str((*names)[i]);
      }
      return {out + "]", false};
    }
    if (auto* s = std::get_if<std::string>(&v)) return {unicode::repr_str(*s), true};
    if (auto* i = std::get_if<long long>(&v)) return {std::to_string(*i), true};
    if (auto* c = std::get_if<Constant>(&v)) return {repr(*c), true};
    return {"None", true};
  }

  // One level of _format recursion.
  struct Nest {
    Dumper& d;
    explicit Nest(Dumper& dumper) : d(dumper) {
      if (++d.depth_ > kMaxDumpDepth) d.too_deep_ = true;
    }
    ~Nest() { --d.depth_; }
  };

  int indent_;
  int depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace

const FieldSpec& field_spec(Kind kind, size_t index) {
  return kFieldSpecs[kOffsets.start[static_cast<size_t>(kind)] + index];
}

Node* Arena::make(Kind kind, Location loc) {
  Node& n = nodes_.emplace_back();
  n.kind = kind;
  n.loc = loc;
  size_t begin = kOffsets.start[static_cast<size_t>(kind)];
  size_t end = kOffsets.start[static_cast<size_t>(kind) + 1];
  n.fields.reserve(end - begin);
  for (size_t i = begin; i < end; ++i) {
    const FieldSpec& f = kFieldSpecs[i];
    if (f.quantifier == Quantifier::List) {
      if (f.type == FieldType::Node) {
        n.fields.emplace_back(std::vector<Node*>{});
      } else {
        n.fields.emplace_back(std::vector<std::string>{});
      }
    } else if (f.quantifier == Quantifier::Opt) {
      n.fields.emplace_back(std::monostate{});
    } else if (f.type == FieldType::Node) {
      n.fields.emplace_back(static_cast<Node*>(nullptr));
    } else if (f.type == FieldType::Int) {
      n.fields.emplace_back(0LL);
    } else if (f.type == FieldType::Constant) {
      n.fields.emplace_back(Constant{});
    } else {
      n.fields.emplace_back(std::string{});
    }
  }
  return &n;
}

std::string dump(const Node* node, int indent, bool* too_deep) {
  Dumper dumper(indent);
  std::string out = dumper.node(node, 0).first;
  if (too_deep) *too_deep = dumper.too_deep();
  if (dumper.too_deep()) out.clear();
  return out;
}

std::string repr_float(double value, bool add_dot_0) {
  return dtoa::double_to_string(value, 'r', 0, add_dot_0 ? dtoa::kAddDot0 : 0);
}

std::string repr(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::kNone: return "None";
    case Constant::Kind::kTrue: return "True";
    case Constant::Kind::kFalse: return "False";
    case Constant::Kind::kEllipsis: return "Ellipsis";
    case Constant::Kind::kInt: return c.text;
    case Constant::Kind::kFloat: return repr_float(c.number);
    case Constant::Kind::kComplex: return repr_float(c.number, false) + "j";
    case Constant::Kind::kStr: return unicode::repr_str(c.text);
    case Constant::Kind::kBytes: return unicode::repr_bytes(c.text);
  }
  return "None";
}

}  // namespace pylife::ast
