// The code editor's Python-aware editing (what Thonny and IDLE do), as
// plain functions over text and byte offsets, so they are tested without
// ImGui: auto-indent after Enter, Tab and Shift+Tab (four spaces, whole
// lines when a selection spans them), Ctrl+/ (comment lines in and out),
// and an undo history by word and by paste rather than by character.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pylife::ui {

// Text with a caret and a selection, in byte offsets (sel_start ==
// sel_end: none).
struct TextEdit {
  std::string text;
  int cursor = 0, sel_start = 0, sel_end = 0;
};

// What to insert after a newline typed at byte [at] of [text] (the
// newline is at at - 1): the line before it's indentation, one level (4
// spaces) more after a line ending in ':', one less after a line that is
// `return`, `pass`, `break`, `continue` or `raise`.
std::string indent_after_newline(std::string_view text, int at);
// Tab ([dedent] false) and Shift+Tab: with a selection over several lines
// (or Shift+Tab anywhere) each line gains or loses up to four spaces;
// otherwise Tab inserts spaces to the next multiple of four.
TextEdit indent(TextEdit e, bool dedent);
// Ctrl+/: the lines of the selection (or the caret's) become comments
// ("# " after their indentation), or, when all are, are uncommented.
TextEdit toggle_comment(TextEdit e);

// Undo and redo by word and by paste: a snapshot is kept before a paste,
// before the first character of a new word (after a space, a newline or
// punctuation), when typing turns into deleting or the other way, and
// after a pause.
class UndoHistory {
 public:
  enum class Kind { kTyping, kDeleting, kPaste, kOther };
  // [before] is about to become [after] by [kind], at [now] seconds.
  void edited(const TextEdit& before, const std::string& after, Kind kind, double now);
  // What Ctrl+Z (Ctrl+Y) puts back over [current]; false when nothing.
  bool undo(const TextEdit& current, TextEdit* out);
  bool redo(const TextEdit& current, TextEdit* out);
  void clear();

 private:
  std::vector<TextEdit> undo_, redo_;
  Kind last_kind_ = Kind::kOther;
  double last_time_ = -1e9;
  bool last_was_boundary_ = true;
};

}  // namespace pylife::ui
