// Lessons for demo mode (`pylife gui --demo FILE.lesson`): a program and a
// list of stops, each naming a stage or a step and carrying a caption.
// The format is in docs/lessons.md.  No ImGui here (tested directly).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pylife::ui {

// A module of the lesson's program (`file: NAME`), or its new text at a stop.
struct LessonFile {
  std::string name;  // "helper.py"
  std::string text;
};

struct LessonStop {
  enum class Kind { kStage, kStep, kLine, kEnd };
  Kind kind = Kind::kStage;
  std::string stage;    // kStage: source, tokens, ast, bytecode, vm, termination
  uint64_t step = 0;    // kStep: the state after this many instructions
  int line = 0;         // kLine: the first time the program reaches this line
  int occurrence = 1;   // kLine: ... or its n-th time
  std::string panel;    // the panel the caption sits on (default: the stage's)
  std::string caption;  // what the teacher says here
  std::vector<LessonFile> edits;  // files changed when the lesson reaches this stop (the program runs again)
};

struct Lesson {
  std::string title;
  std::string program;
  std::vector<LessonFile> files;  // the program's own modules
  std::vector<LessonStop> stops;
  // The modules as they are at stop [index]: files with the edits of
  // every stop up to it applied.
  std::vector<LessonFile> files_at(size_t index) const;
};

struct LessonResult {
  bool ok = false;
  Lesson lesson;
  std::string error;  // "lesson line N: ..." when !ok
};

LessonResult parse_lesson(const std::string& text);

}  // namespace pylife::ui
