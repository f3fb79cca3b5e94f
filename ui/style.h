// Colours shared by the panels (ui/app.cpp, ui/panels_vm.cpp).
#pragma once

#include "imgui.h"
#include "pylife/lex.h"

namespace pylife::ui {

// A token's colour in the token chips and the program text.
ImVec4 token_colour(lex::TokenType t);

}  // namespace pylife::ui
