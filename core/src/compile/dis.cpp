// Lib/dis.py of CPython 3.11: _get_instructions_bytes, findlinestarts,
// findlabels and Instruction._disassemble.
#include "pylife/dis.h"

#include <set>

#include "pylife/opcodes.h"

namespace pylife::compile {

namespace {

constexpr const char* kCompareOps[] = {"<", "<=", "==", "!=", ">", ">="};
constexpr const char* kBinaryOps[] = {
    "+",  "&",  "//",  "<<",  "@",  "*",  "%",  "|",  "**",  ">>",  "-",  "/",  "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
constexpr const char* kMakeFunctionFlags[] = {"defaults", "kwdefaults", "annotations", "closure"};
constexpr const char* kConverters[] = {"", "str", "repr", "ascii"};

std::string pad_right(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}
std::string pad_left(std::string s, size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

void dis_one(const CodeObject& code, std::string& out) {
  std::vector<DisRow> rows = disassemble(code);
  int maxline = 0;
  bool any_line = false;
  for (const auto& r : rows) {
    if (r.starts_line >= 0) {
      maxline = std::max(maxline, r.starts_line);
      any_line = true;
    }
  }
  size_t lineno_width = !any_line ? 0 : maxline >= 1000 ? std::to_string(maxline).size() : 3;
  int maxoffset = static_cast<int>(code.code.size()) - 2;
  size_t offset_width = maxoffset >= 10000 ? std::to_string(maxoffset).size() : 4;
  for (const auto& r : rows) {
    if (any_line && r.starts_line >= 0 && r.offset > 0) out += "\n";
    std::string line;
    if (lineno_width) {
      line += r.starts_line >= 0 ? pad_left(std::to_string(r.starts_line), lineno_width)
                                 : std::string(lineno_width, ' ');
      line += " ";
    }
    line += "   ";  // not the current instruction
    line += " ";
    line += r.jump_target ? ">>" : "  ";
    line += " ";
    line += pad_left(std::to_string(r.offset), offset_width);
    line += " ";
    line += pad_right(r.opname, 20);
    if (r.arg >= 0) {
      line += " " + pad_left(std::to_string(r.arg), 5);
      if (!r.argrepr.empty()) line += " (" + r.argrepr + ")";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  if (!code.exceptiontable.empty()) {
    out += "ExceptionTable:\n";
    for (const auto& e : code.exceptiontable) {
      out += "  " + std::to_string(2 * e.start) + " to " + std::to_string(2 * e.end - 2) + " -> " +
             std::to_string(2 * e.target) + " [" + std::to_string(e.depth) + "]" + (e.lasti ? " lasti" : "") + "\n";
    }
  }
}

void dis_recursive(const CodeObject& code, std::string& out) {
  dis_one(code, out);
  for (const auto& c : code.consts) {
    if (c.kind == Const::Kind::kCode) {
      out += "\nDisassembly of " + c.repr() + ":\n";
      dis_recursive(*c.code, out);
    }
  }
}

}  // namespace

std::vector<DisRow> disassemble(const CodeObject& code) {
  std::vector<DisRow> rows;
  std::vector<std::string> localsplus = code.localsplus();
  // Jump targets.
  std::set<int> labels;
  for (size_t i = 0; i + 1 < code.code.size(); i += 2) {
    const OpInfo& info = op_info(code.code[i]);
    int arg = code.code[i + 1];
    for (size_t k = i; k >= 2 && code.code[k - 2] == static_cast<uint8_t>(Op::EXTENDED_ARG);
         k -= 2) {
      arg |= code.code[k - 1] << (8 * ((i - k) / 2 + 1));
    }
    int next = static_cast<int>(i) + 2;
    if (info.kind == ArgKind::JumpForward) labels.insert(next + 2 * arg);
    if (info.kind == ArgKind::JumpBackward) labels.insert(next - 2 * arg);
    i += 2 * info.caches;
  }
  for (const auto& e : code.exceptiontable) labels.insert(2 * e.target);
  int last_line = -1;
  bool have_last = false;
  int extended = 0;
  for (size_t i = 0; i + 1 < code.code.size();) {
    uint8_t op = code.code[i];
    const OpInfo& info = op_info(op);
    DisRow r;
    r.offset = static_cast<int>(i);
    r.opname = info.name.empty() ? "<" + std::to_string(op) + ">" : std::string(info.name);
    r.pos = i / 2 < code.positions.size() ? code.positions[i / 2] : Position{};
    int line = r.pos.line;
    if (line >= 0 && (!have_last || line != last_line)) {
      r.starts_line = line;
      last_line = line;
      have_last = true;
    }
    r.jump_target = labels.count(r.offset) > 0;
    if (info.kind != ArgKind::None) {
      int arg = code.code[i + 1] | extended;
      extended = op == static_cast<uint8_t>(Op::EXTENDED_ARG) ? arg << 8 : 0;
      r.arg = arg;
      switch (info.kind) {
        case ArgKind::Const:
          // Only LOAD_CONST shows its value (_get_const_value).
          if (op == static_cast<uint8_t>(Op::LOAD_CONST) &&
              static_cast<size_t>(arg) < code.consts.size()) {
            r.argrepr = code.consts[static_cast<size_t>(arg)].repr();
          }
          break;
        case ArgKind::Name:
          if (op == static_cast<uint8_t>(Op::LOAD_GLOBAL)) {
            size_t idx = static_cast<size_t>(arg >> 1);
            if (idx < code.names.size()) {
              r.argrepr = (arg & 1 ? "NULL + " : "") + code.names[idx];
            }
          } else if (static_cast<size_t>(arg) < code.names.size()) {
            r.argrepr = code.names[static_cast<size_t>(arg)];
          }
          break;
        case ArgKind::Local:
        case ArgKind::Free:
          if (static_cast<size_t>(arg) < localsplus.size())
            r.argrepr = localsplus[static_cast<size_t>(arg)];
          break;
        case ArgKind::JumpForward:
          r.argrepr = "to " + std::to_string(static_cast<int>(i) + 2 + 2 * arg);
          break;
        case ArgKind::JumpBackward:
          r.argrepr = "to " + std::to_string(static_cast<int>(i) + 2 - 2 * arg);
          break;
        case ArgKind::Compare:
          if (arg >= 0 && arg < 6) r.argrepr = kCompareOps[arg];
          break;
        case ArgKind::BinaryOp:
          if (arg >= 0 && arg < 26) r.argrepr = kBinaryOps[arg];
          break;
        default:
          if (op == static_cast<uint8_t>(Op::FORMAT_VALUE)) {
            r.argrepr = kConverters[arg & 3];
            if (arg & 4) r.argrepr += std::string(r.argrepr.empty() ? "" : ", ") + "with format";
          } else if (op == static_cast<uint8_t>(Op::MAKE_FUNCTION)) {
            for (int b = 0; b < 4; ++b) {
              if (arg & (1 << b)) {
                if (!r.argrepr.empty()) r.argrepr += ", ";
                r.argrepr += kMakeFunctionFlags[b];
              }
            }
          }
      }
    }
    rows.push_back(r);
    i += 2 + 2 * info.caches;
  }
  return rows;
}

std::string format_dis(const CodeObject& code) {
  std::string out;
  dis_recursive(code, out);
  return out;
}

}  // namespace pylife::compile
