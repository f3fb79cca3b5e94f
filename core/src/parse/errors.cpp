// SyntaxError and warning display, as CPython prints them
// (Python/pythonrun.c print_exception + print_error_text, and
// warnings.formatwarning).
#include <cstring>

#include "pylife/parse.h"

namespace pylife::parse {

namespace {

// print_error_text: the source line and the caret line.  Offsets are in
// code points but applied to UTF-8 bytes, exactly as CPython 3.11 does.
std::string error_text(long offset, long end_offset, std::string text) {
  std::string out;
  long caret_repetitions = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
  // Stop at an embedded NUL like strlen.
  text = text.substr(0, text.find('\0'));
  offset--;
  size_t start = 0;
  while (start < text.size() &&
         (text[start] == ' ' || text[start] == '\t' || text[start] == '\f')) {
    ++start;
    --offset;
  }
  std::string_view t = std::string_view(text).substr(start);
  long len = static_cast<long>(t.size());
  if (len > 0 && t[static_cast<size_t>(len) - 1] == '\n') --len;
  if (offset > len) offset = len;
  for (;;) {
    size_t nl = t.find('\n');
    if (nl == std::string_view::npos) break;
    long inl = static_cast<long>(nl);
    if (inl >= offset) break;
    inl += 1;
    t.remove_prefix(static_cast<size_t>(inl));
    len -= inl;
    offset -= inl;
  }
  out += "    ";
  out += t;
  if (static_cast<size_t>(len) >= t.size() || t[static_cast<size_t>(len)] != '\n') out += "\n";
  if (offset < 0) return out;
  out += "    ";
  out += std::string(static_cast<size_t>(offset), ' ');
  out += std::string(static_cast<size_t>(caret_repetitions), '^');
  out += "\n";
  return out;
}

}  // namespace

std::string format_error(const SyntaxError& e, std::string_view filename) {
  if (e.type == "MemoryError") return "MemoryError\n";
  std::string out;
  if (e.lineno >= 0) {
    out += "  File \"" + std::string(filename) + "\", line " + std::to_string(e.lineno) + "\n";
    if (!e.text.empty()) {
      // Undecodable bytes (escaped as U+DC80..U+DCFF) show as U+FFFD.
      std::string text;
      for (size_t i = 0; i < e.text.size(); ++i) {
        auto b = static_cast<unsigned char>(e.text[i]);
        if (b == 0xED && i + 2 < e.text.size() &&
            (static_cast<unsigned char>(e.text[i + 1]) & 0xFE) == 0xB2) {
          text += "\xEF\xBF\xBD";
          i += 2;
        } else {
          text += e.text[i];
        }
      }
      // The tokenizer's buffer has universal newlines.
      if (text.size() >= 2 && text.compare(text.size() - 2, 2, "\r\n") == 0) {
        text.erase(text.size() - 2, 1);
      } else if (!text.empty() && text.back() == '\r') {
        text.back() = '\n';
      }
      long offset = e.offset;
      long end_lineno = e.lineno, end_offset = -1;
      if (e.type == "SyntaxError") {
        end_lineno = e.end_lineno ? e.end_lineno : e.lineno;
        end_offset = e.end_offset ? e.end_offset : -1;
      }
      long line_size = static_cast<long>(std::strlen(text.c_str()));
      if (end_lineno > e.lineno) end_offset = line_size;
      if (end_offset > line_size + 1) end_offset = line_size + 1;
      out += error_text(offset, end_offset, text);
    }
  }
  out += e.type;
  if (!e.msg.empty()) out += ": " + e.msg;
  out += "\n";
  return out;
}

std::string format_warning_text(std::string_view where, std::string_view category,
                                std::string_view message, std::string_view line) {
  std::string out = std::string(where) + ": " + std::string(category) + ": " + std::string(message) + "\n";
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  if (!line.empty()) out += "  " + std::string(line) + "\n";
  return out;
}

std::string format_warning(const Warning& w, std::string_view filename,
                           std::string_view source_text) {
  auto lines = source::split_lines(source_text);
  std::string_view line;
  if (w.lineno >= 1 && static_cast<size_t>(w.lineno) <= lines.size()) line = lines[static_cast<size_t>(w.lineno) - 1];
  return format_warning_text(std::string(filename) + ":" + std::to_string(w.lineno), w.category, w.message, line);
}

}  // namespace pylife::parse
