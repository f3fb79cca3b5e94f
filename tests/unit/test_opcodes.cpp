// The opcode table against CPython 3.11's opcode and dis modules.
#include <catch2/catch.hpp>

#include <sstream>

#include "golden.h"
#include "pylife/opcodes.h"

using pylife::compile::Op;
using pylife::compile::op_info;

TEST_CASE("opcode numbers, names and caches are CPython 3.11's", "[opcodes]") {
  CHECK(static_cast<int>(Op::RESUME) == 151);
  CHECK(static_cast<int>(Op::BINARY_OP) == 122);
  CHECK(op_info(Op::LOAD_GLOBAL).name == "LOAD_GLOBAL");
  CHECK(op_info(Op::LOAD_GLOBAL).caches == 5);
  CHECK(op_info(Op::CALL).caches == 4);
  CHECK(op_info(Op::POP_JUMP_BACKWARD_IF_TRUE).kind == pylife::compile::ArgKind::JumpBackward);
  CHECK(op_info(static_cast<uint8_t>(255)).name.empty());
}

TEST_CASE("stack effects match dis.stack_effect for every opcode", "[opcodes][golden]") {
  std::istringstream rows(pylife::test::read_repo_file("tests/golden/stack_effects.txt"));
  int checked = 0;
  std::string name, arg, jump;
  int effect = 0;
  while (rows >> name >> arg >> jump >> effect) {
    uint8_t number = 0;
    bool found = false;
    for (int i = 0; i < 256; ++i) {
      if (op_info(static_cast<uint8_t>(i)).name == name) {
        number = static_cast<uint8_t>(i);
        found = true;
      }
    }
    INFO(name << " " << arg << " " << jump);
    REQUIRE(found);
    int oparg = arg == "-" ? 0 : std::stoi(arg);
    CHECK(pylife::compile::stack_effect(static_cast<Op>(number), oparg, jump == "1") == effect);
    // What it takes and leaves are never negative and differ by the effect.
    CHECK(pylife::compile::stack_pops(static_cast<Op>(number), oparg, jump == "1") >= 0);
    CHECK(pylife::compile::stack_pushes(static_cast<Op>(number), oparg, jump == "1") >= 0);
    ++checked;
  }
  CHECK(checked > 1500);
}

TEST_CASE("what an instruction takes from the stack and leaves there", "[opcodes]") {
  using pylife::compile::stack_pops;
  using pylife::compile::stack_pushes;
  struct Row {
    Op op;
    int arg;
    bool jump;
    int pops, pushes;
  };
  const Row rows[] = {
      {Op::LOAD_FAST, 0, false, 0, 1},     {Op::STORE_FAST, 0, false, 1, 0},
      {Op::BINARY_OP, 0, false, 2, 1},     {Op::CALL, 2, false, 4, 1},
      {Op::LOAD_METHOD, 0, false, 1, 2},   {Op::LOAD_GLOBAL, 1, false, 0, 2},
      {Op::FOR_ITER, 4, false, 0, 1},      {Op::FOR_ITER, 4, true, 1, 0},
      {Op::SWAP, 3, false, 3, 3},          {Op::COPY, 2, false, 0, 1},
      {Op::BUILD_MAP, 2, false, 4, 1},     {Op::MAKE_FUNCTION, 0x09, false, 3, 1},
      {Op::JUMP_IF_TRUE_OR_POP, 4, true, 0, 0}, {Op::JUMP_IF_TRUE_OR_POP, 4, false, 1, 0},
      {Op::UNPACK_SEQUENCE, 3, false, 1, 3}, {Op::RETURN_VALUE, 0, false, 1, 0},
      {Op::LIST_APPEND, 2, false, 1, 0},   {Op::CHECK_EXC_MATCH, 0, false, 1, 1},
  };
  for (const Row& r : rows) {
    INFO(op_info(r.op).name << " " << r.arg << " jump " << r.jump);
    CHECK(stack_pops(r.op, r.arg, r.jump) == r.pops);
    CHECK(stack_pushes(r.op, r.arg, r.jump) == r.pushes);
  }
}
