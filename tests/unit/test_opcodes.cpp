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
    ++checked;
  }
  CHECK(checked > 1500);
}
