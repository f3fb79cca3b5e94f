// The disassembler: a code object's instructions as rows of data (for the
// Bytecode panel) and as CPython 3.11's `dis` text.
#pragma once

#include <string>
#include <vector>

#include "pylife/code.h"

namespace pylife::compile {

struct DisRow {
  int offset = 0;        // in bytes, as dis shows it
  int starts_line = -1;  // the source line starting here, or -1
  bool jump_target = false;
  std::string opname;
  int arg = -1;  // -1: no argument
  std::string argrepr;
  Position pos;
};

// The instructions of [code] (CACHE entries left out, as dis does).
std::vector<DisRow> disassemble(const CodeObject& code);

// dis.dis(code): [code] then, recursively, every code object among its
// constants.
std::string format_dis(const CodeObject& code);

}  // namespace pylife::compile
