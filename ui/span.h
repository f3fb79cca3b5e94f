// Source spans shared by the panels: a token, an AST node or an
// instruction, in code-point columns, so hovering one thing marks the same
// characters everywhere (no ImGui here: tested directly).
#pragma once

#include <string>
#include <vector>

namespace pylife::ui {

// A stretch of the source, columns in code points (0: none).
struct Span {
  int line = 0, col = 0, end_line = 0, end_col = 0;
  bool empty() const { return line == 0; }
  // Whether the character at [l]:[c] is inside.
  bool contains(int l, int c) const {
    if (empty() || l < line || l > end_line) return false;
    if (l == line && c < col) return false;
    if (l == end_line && c >= end_col) return false;
    return true;
  }
  bool operator==(const Span&) const = default;
};

// The code-point column of UTF-8 byte column [byte_col] of [line] (1-based)
// of [lines].
int cp_col(const std::vector<std::string>& lines, int line, int byte_col);

// A position with UTF-8 byte columns (instructions' and nodes') as a
// span; empty when it has no line.
Span span_of(const std::vector<std::string>& lines, int line, int col, int end_line, int end_col);

}  // namespace pylife::ui
