// The editor's Python-aware editing (editing.h).
#include "editing.h"

#include <algorithm>

namespace pylife::ui {

namespace {

constexpr int kIndent = 4;

// The start of the line holding byte [at].
int line_start(std::string_view text, int at) {
  while (at > 0 && text[static_cast<size_t>(at - 1)] != '\n') --at;
  return at;
}

int line_end(std::string_view text, int at) {
  while (at < static_cast<int>(text.size()) && text[static_cast<size_t>(at)] != '\n') ++at;
  return at;
}

int leading_spaces(std::string_view line) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && (line[static_cast<size_t>(n)] == ' ' || line[static_cast<size_t>(n)] == '\t')) {
    n += 1;
  }
  return n;
}

// The starts of the lines the selection (or the caret) touches.
std::vector<int> selected_lines(const TextEdit& e) {
  int lo = std::min(e.sel_start, e.sel_end), hi = std::max(e.sel_start, e.sel_end);
  if (lo == hi) lo = hi = e.cursor;
  // A selection ending at a line's start does not take that line.
  if (hi > lo && e.text[static_cast<size_t>(hi - 1)] == '\n') --hi;
  std::vector<int> starts;
  for (int at = line_start(e.text, lo);;) {
    starts.push_back(at);
    int end = line_end(e.text, at);
    if (end >= hi || end >= static_cast<int>(e.text.size())) break;
    at = end + 1;
  }
  return starts;
}

// Moves an offset over an edit at [where] that removed [removed] bytes
// and inserted [inserted].
int shift(int offset, int where, int removed, int inserted) {
  if (offset <= where) return offset;
  if (offset < where + removed) return where + inserted;
  return offset - removed + inserted;
}

void replace(TextEdit& e, int where, int removed, std::string_view with) {
  e.text.replace(static_cast<size_t>(where), static_cast<size_t>(removed), with);
  int inserted = static_cast<int>(with.size());
  e.cursor = shift(e.cursor, where, removed, inserted);
  e.sel_start = shift(e.sel_start, where, removed, inserted);
  e.sel_end = shift(e.sel_end, where, removed, inserted);
}

bool is_boundary(char c) { return !(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80)); }

}  // namespace

std::string indent_after_newline(std::string_view text, int at) {
  if (at <= 0 || at > static_cast<int>(text.size())) return "";
  int end = at - 1;  // the newline
  int start = line_start(text, end);
  std::string_view line = text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  int indent = leading_spaces(line);
  std::string_view body = line.substr(static_cast<size_t>(indent));
  // Without a trailing comment or spaces.
  size_t hash = body.find('#');
  std::string_view code = hash == std::string_view::npos ? body : body.substr(0, hash);
  while (!code.empty() && (code.back() == ' ' || code.back() == '\t' || code.back() == '\r')) code.remove_suffix(1);
  int width = 0;
  for (char c : line.substr(0, static_cast<size_t>(indent))) width += c == '\t' ? kIndent : 1;
  if (!code.empty() && code.back() == ':') {
    width += kIndent;
  } else {
    std::string_view word = code.substr(0, code.find_first_of(" (\t"));
    if (word == "return" || word == "pass" || word == "break" || word == "continue" || word == "raise") {
      width = std::max(0, width - kIndent);
    }
  }
  return std::string(static_cast<size_t>(width), ' ');
}

TextEdit indent(TextEdit e, bool dedent) {
  bool multi = e.sel_start != e.sel_end &&
               line_start(e.text, std::min(e.sel_start, e.sel_end)) != line_start(e.text, std::max(e.sel_start, e.sel_end) -
                                                                                               (e.text[static_cast<size_t>(std::max(e.sel_start, e.sel_end) - 1)] == '\n' ? 1 : 0));
  if (!dedent && !multi) {
    // Spaces to the next multiple of four, over any selection.
    int lo = std::min(e.sel_start, e.sel_end), hi = std::max(e.sel_start, e.sel_end);
    if (lo == hi) lo = hi = e.cursor;
    int col = lo - line_start(e.text, lo);
    replace(e, lo, hi - lo, std::string(static_cast<size_t>(kIndent - col % kIndent), ' '));
    e.cursor = e.sel_start = e.sel_end = lo + kIndent - col % kIndent;
    return e;
  }
  std::vector<int> starts = selected_lines(e);
  // Last line first, so the earlier offsets hold.
  for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
    int at = *it;
    if (dedent) {
      int n = 0;
      while (n < kIndent && at + n < static_cast<int>(e.text.size()) && e.text[static_cast<size_t>(at + n)] == ' ') ++n;
      if (n == 0 && at < static_cast<int>(e.text.size()) && e.text[static_cast<size_t>(at)] == '\t') n = 1;
      if (n) replace(e, at, n, "");
    } else if (line_end(e.text, at) > at) {
      replace(e, at, 0, std::string(kIndent, ' '));
    }
  }
  return e;
}

TextEdit toggle_comment(TextEdit e) {
  std::vector<int> starts = selected_lines(e);
  // Comment when any non-blank line is not a comment yet.
  bool all_comments = true, any = false;
  int column = 1 << 30;
  for (int at : starts) {
    std::string_view line = std::string_view(e.text).substr(static_cast<size_t>(at), static_cast<size_t>(line_end(e.text, at) - at));
    int lead = leading_spaces(line);
    if (lead == static_cast<int>(line.size())) continue;  // blank
    any = true;
    column = std::min(column, lead);
    if (line[static_cast<size_t>(lead)] != '#') all_comments = false;
  }
  if (!any) return e;
  for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
    int at = *it;
    std::string_view line = std::string_view(e.text).substr(static_cast<size_t>(at), static_cast<size_t>(line_end(e.text, at) - at));
    int lead = leading_spaces(line);
    if (lead == static_cast<int>(line.size())) continue;
    if (all_comments) {
      int n = 1 + (lead + 1 < static_cast<int>(line.size()) && line[static_cast<size_t>(lead + 1)] == ' ' ? 1 : 0);
      replace(e, at + lead, n, "");
    } else {
      replace(e, at + column, 0, "# ");
    }
  }
  return e;
}

void UndoHistory::edited(const TextEdit& before, const std::string& after, Kind kind, double now) {
  // The character this edit typed (when it typed one).
  bool boundary = true;
  if (kind == Kind::kTyping && after.size() > before.text.size()) {
    size_t at = static_cast<size_t>(std::min<int>(before.cursor, static_cast<int>(after.size()) - 1));
    boundary = is_boundary(after[at]);
  }
  bool snapshot = undo_.empty() || kind == Kind::kPaste || kind == Kind::kOther || kind != last_kind_ ||
                  now - last_time_ > 1.0 || (kind == Kind::kTyping && !boundary && last_was_boundary_);
  if (snapshot) {
    undo_.push_back(before);
    if (undo_.size() > 500) undo_.erase(undo_.begin());
  }
  redo_.clear();
  last_kind_ = kind == Kind::kPaste ? Kind::kOther : kind;
  last_time_ = now;
  last_was_boundary_ = boundary;
}

bool UndoHistory::undo(const TextEdit& current, TextEdit* out) {
  while (!undo_.empty() && undo_.back().text == current.text) undo_.pop_back();
  if (undo_.empty()) return false;
  redo_.push_back(current);
  *out = undo_.back();
  undo_.pop_back();
  last_kind_ = Kind::kOther;
  return true;
}

bool UndoHistory::redo(const TextEdit& current, TextEdit* out) {
  if (redo_.empty()) return false;
  undo_.push_back(current);
  *out = redo_.back();
  redo_.pop_back();
  last_kind_ = Kind::kOther;
  return true;
}

void UndoHistory::clear() {
  undo_.clear();
  redo_.clear();
  last_kind_ = Kind::kOther;
}

}  // namespace pylife::ui
