// CPython 3.11's opcodes, from the one list in opcodes.def: the enum, each
// opcode's name, inline cache entries, argument kind and stack effect.
// The compiler, the VM's dispatch table and the disassembler all use it.
#pragma once

#include <cstdint>
#include <string_view>

namespace pylife::compile {

enum class Op : uint8_t {
#define PYLIFE_OPCODE(name, number, caches, kind, e, em, je, jem) name = number,
#include "pylife/opcodes.def"
#undef PYLIFE_OPCODE
};

// What an opcode's argument means (decides how `dis` shows it).
enum class ArgKind : uint8_t {
  None,
  Const,
  Name,
  Local,
  Free,
  JumpForward,
  JumpBackward,
  Compare,
  BinaryOp,
  Int
};

struct OpInfo {
  std::string_view name;  // empty for numbers CPython 3.11 leaves unused
  uint8_t caches = 0;     // inline CACHE entries that follow the instruction
  ArgKind kind = ArgKind::None;
  int8_t effect = 0, effect_per_arg = 0;            // stack effect, fall through
  int8_t jump_effect = 0, jump_effect_per_arg = 0;  // stack effect, jump taken
};

// The table entry of opcode number [op] (every byte value has one).
const OpInfo& op_info(uint8_t op);
inline const OpInfo& op_info(Op op) {
  return op_info(static_cast<uint8_t>(op));
}

// dis.stack_effect(op, oparg, jump=[jump]) of CPython 3.11.
int stack_effect(Op op, int oparg, bool jump);

// How many operand stack entries the instruction takes (as CPython 3.11's
// ceval.c does; entries it only reads stay and are not counted) and how
// many it leaves in their place: pushes - pops == stack_effect, except
// for PRECALL and CALL: dis gives PRECALL -oparg and CALL -1, while in
// ceval.c CALL takes the callable and the arguments.
int stack_pops(Op op, int oparg, bool jump);
int stack_pushes(Op op, int oparg, bool jump);

}  // namespace pylife::compile
