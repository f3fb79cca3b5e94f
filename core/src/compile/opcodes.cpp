// The opcode table and stack effects (Python/compile.c stack_effect).
#include "pylife/opcodes.h"

#include <array>

namespace pylife::compile {

namespace {

constexpr std::array<OpInfo, 256> build_table() {
  std::array<OpInfo, 256> table{};
#define PYLIFE_OPCODE(name, number, caches, kind, e, em, je, jem) \
  table[number] = OpInfo{#name, caches, ArgKind::kind, e, em, je, jem};
#include "pylife/opcodes.def"
#undef PYLIFE_OPCODE
  return table;
}

constexpr std::array<OpInfo, 256> kTable = build_table();

}  // namespace

const OpInfo& op_info(uint8_t op) {
  return kTable[op];
}

int stack_effect(Op op, int oparg, bool jump) {
  switch (op) {
    // The effects that are not linear in oparg.
    case Op::UNPACK_EX: return (oparg & 0xFF) + (oparg >> 8);
    case Op::LOAD_GLOBAL: return 1 + (oparg & 1);
    case Op::MAKE_FUNCTION:
      return -((oparg & 0x01) != 0) - ((oparg & 0x02) != 0) - ((oparg & 0x04) != 0) -
             ((oparg & 0x08) != 0);
    case Op::BUILD_SLICE: return oparg == 3 ? -2 : -1;
    case Op::FORMAT_VALUE: return (oparg & 0x04) ? -1 : 0;
    case Op::CALL_FUNCTION_EX: return -2 - (oparg & 1);
    default: break;
  }
  const OpInfo& info = op_info(op);
  return jump ? info.jump_effect + info.jump_effect_per_arg * oparg
              : info.effect + info.effect_per_arg * oparg;
}

}  // namespace pylife::compile
