// Source spans (span.h).
#include "span.h"

namespace pylife::ui {

int cp_col(const std::vector<std::string>& lines, int line, int byte_col) {
  if (line < 1 || line > static_cast<int>(lines.size())) return byte_col;
  const std::string& s = lines[static_cast<size_t>(line - 1)];
  int n = 0;
  for (int i = 0; i < byte_col && i < static_cast<int>(s.size()); ++i) {
    if ((static_cast<unsigned char>(s[static_cast<size_t>(i)]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

Span span_of(const std::vector<std::string>& lines, int line, int col, int end_line, int end_col) {
  if (line < 1 || col < 0) return {};
  if (end_line < line) end_line = line;
  int c0 = cp_col(lines, line, col);
  return Span{line, c0, end_line, end_col < 0 ? c0 + 1 : cp_col(lines, end_line, end_col)};
}

}  // namespace pylife::ui
