// Constants and code objects.
#include <cstdio>
#include <cstring>

#include "pylife/code.h"
#include "pylife/dtoa.h"
#include "pylife/unicode.h"

namespace pylife::compile {

Const Const::from_ast(const ast::Constant& c) {
  Const r;
  switch (c.kind) {
    case ast::Constant::Kind::kNone: r.kind = Kind::kNone; break;
    case ast::Constant::Kind::kTrue: r.kind = Kind::kTrue; break;
    case ast::Constant::Kind::kFalse: r.kind = Kind::kFalse; break;
    case ast::Constant::Kind::kEllipsis: r.kind = Kind::kEllipsis; break;
    case ast::Constant::Kind::kInt: r.kind = Kind::kInt; break;
    case ast::Constant::Kind::kFloat: r.kind = Kind::kFloat; break;
    case ast::Constant::Kind::kComplex: r.kind = Kind::kComplex; break;
    case ast::Constant::Kind::kStr: r.kind = Kind::kStr; break;
    case ast::Constant::Kind::kBytes: r.kind = Kind::kBytes; break;
  }
  r.text = c.text;
  r.number = c.number;
  return r;
}

bool Const::same(const Const& o) const {
  if (kind != o.kind) return false;
  switch (kind) {
    case Kind::kInt:
    case Kind::kStr:
    case Kind::kBytes: return text == o.text;
    case Kind::kFloat:
      // Bitwise: 0.0 and -0.0 differ, a NaN equals itself.
      return std::memcmp(&number, &o.number, sizeof number) == 0;
    case Kind::kComplex:
      return std::memcmp(&number, &o.number, sizeof number) == 0 &&
             std::memcmp(&real, &o.real, sizeof real) == 0;
    case Kind::kTuple:
    case Kind::kFrozenset:
      if (items.size() != o.items.size()) return false;
      for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].same(o.items[i])) return false;
      }
      return true;
    case Kind::kCode: return code == o.code;
    default: return true;
  }
}

std::string Const::repr() const {
  switch (kind) {
    case Kind::kNone: return "None";
    case Kind::kTrue: return "True";
    case Kind::kFalse: return "False";
    case Kind::kEllipsis: return "Ellipsis";
    case Kind::kInt: return text;
    case Kind::kFloat: return dtoa::double_to_string(number, 'r', 0, dtoa::kAddDot0);
    case Kind::kComplex: return dtoa::complex_repr(real, number);
    case Kind::kStr: return unicode::repr_str(text);
    case Kind::kBytes: return unicode::repr_bytes(text);
    case Kind::kTuple: {
      std::string out = "(";
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += items[i].repr();
      }
      if (items.size() == 1) out += ",";
      return out + ")";
    }
    case Kind::kFrozenset: {
      if (items.empty()) return "frozenset()";
      std::string out = "frozenset({";
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += items[i].repr();
      }
      return out + "})";
    }
    case Kind::kCode: {
      // CPython shows the object's address; pylife shows a stable stand-in.
      char addr[32];
      std::snprintf(addr, sizeof addr, "0x%012llx",
                    static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(code.get())));
      return "<code object " + code->name + " at " + addr + ", file \"" + code->filename +
             "\", line " + std::to_string(code->firstlineno) + ">";
    }
  }
  return "None";
}

std::vector<std::string> CodeObject::localsplus() const {
  std::vector<std::string> out = varnames;
  for (const auto& c : cellvars) {
    bool is_arg = false;
    for (const auto& v : varnames) is_arg = is_arg || v == c;
    if (!is_arg) out.push_back(c);
  }
  out.insert(out.end(), freevars.begin(), freevars.end());
  return out;
}

}  // namespace pylife::compile
