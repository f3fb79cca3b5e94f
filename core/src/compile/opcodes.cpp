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

int stack_pops(Op op, int oparg, bool jump) {
  switch (op) {
    case Op::POP_TOP: case Op::UNARY_POSITIVE: case Op::UNARY_NEGATIVE: case Op::UNARY_NOT:
    case Op::UNARY_INVERT: case Op::PUSH_EXC_INFO: case Op::CHECK_EXC_MATCH: case Op::GET_AITER:
    case Op::BEFORE_ASYNC_WITH: case Op::BEFORE_WITH: case Op::GET_ITER: case Op::GET_YIELD_FROM_ITER:
    case Op::PRINT_EXPR: case Op::LIST_TO_TUPLE: case Op::RETURN_VALUE: case Op::IMPORT_STAR:
    case Op::YIELD_VALUE: case Op::ASYNC_GEN_WRAP: case Op::POP_EXCEPT: case Op::STORE_NAME:
    case Op::UNPACK_SEQUENCE: case Op::UNPACK_EX: case Op::DELETE_ATTR: case Op::STORE_GLOBAL:
    case Op::LOAD_ATTR: case Op::POP_JUMP_FORWARD_IF_FALSE: case Op::POP_JUMP_FORWARD_IF_TRUE:
    case Op::POP_JUMP_FORWARD_IF_NOT_NONE: case Op::POP_JUMP_FORWARD_IF_NONE:
    case Op::POP_JUMP_BACKWARD_IF_FALSE: case Op::POP_JUMP_BACKWARD_IF_TRUE:
    case Op::POP_JUMP_BACKWARD_IF_NOT_NONE: case Op::POP_JUMP_BACKWARD_IF_NONE: case Op::RERAISE:
    case Op::STORE_FAST: case Op::STORE_DEREF: case Op::GET_AWAITABLE: case Op::LIST_APPEND:
    case Op::SET_ADD: case Op::LOAD_METHOD: case Op::LIST_EXTEND: case Op::SET_UPDATE:
    case Op::DICT_MERGE: case Op::DICT_UPDATE:
      return 1;
    case Op::BINARY_SUBSCR: case Op::END_ASYNC_FOR: case Op::DELETE_SUBSCR: case Op::PREP_RERAISE_STAR:
    case Op::CHECK_EG_MATCH: case Op::STORE_ATTR: case Op::COMPARE_OP: case Op::IMPORT_NAME:
    case Op::IS_OP: case Op::CONTAINS_OP: case Op::BINARY_OP: case Op::MAP_ADD:
      return 2;
    case Op::STORE_SUBSCR: case Op::MATCH_CLASS:
      return 3;
    case Op::JUMP_IF_FALSE_OR_POP: case Op::JUMP_IF_TRUE_OR_POP:
      return jump ? 0 : 1;  // jumping keeps the value
    case Op::FOR_ITER:
      return jump ? 1 : 0;  // the exhausted iterator goes
    case Op::SEND:
      return jump ? 2 : 1;  // the sent value; the receiver too when it returned
    case Op::SWAP:
      return oparg;  // all it reorders
    case Op::BUILD_TUPLE: case Op::BUILD_LIST: case Op::BUILD_SET: case Op::BUILD_STRING:
    case Op::RAISE_VARARGS:
      return oparg;
    case Op::BUILD_SLICE:
      return oparg == 3 ? 3 : 2;
    case Op::BUILD_MAP:
      return 2 * oparg;
    case Op::BUILD_CONST_KEY_MAP:
      return oparg + 1;
    case Op::MAKE_FUNCTION:
      return 1 + ((oparg & 0x01) != 0) + ((oparg & 0x02) != 0) + ((oparg & 0x04) != 0) + ((oparg & 0x08) != 0);
    case Op::FORMAT_VALUE:
      return (oparg & 0x04) ? 2 : 1;
    case Op::CALL:
      return oparg + 2;  // the callable (or NULL and the callable), the arguments
    case Op::CALL_FUNCTION_EX:
      return 3 + (oparg & 1);
    default:
      return 0;  // pushes only, or leaves the stack alone
  }
}

int stack_pushes(Op op, int oparg, bool jump) {
  if (op == Op::PRECALL) return 0;
  if (op == Op::CALL) return 1;
  return stack_pops(op, oparg, jump) + stack_effect(op, oparg, jump);
}

}  // namespace pylife::compile
