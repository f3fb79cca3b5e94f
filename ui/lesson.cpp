// The lesson format (docs/lessons.md).
#include "lesson.h"

#include <algorithm>
#include <sstream>

namespace pylife::ui {

namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

bool parse_number(const std::string& word, uint64_t* out) {
  if (word.empty() || word.size() > 12) return false;
  uint64_t v = 0;
  for (char c : word) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

const char* const kStages[] = {"source", "tokens", "ast", "bytecode", "vm", "termination"};

// "stop: stage tokens [panel NAME]", "stop: step 12 [panel NAME]",
// "stop: line 3 [time 2] [panel NAME]", "stop: end [panel NAME]".
bool parse_stop(const std::string& spec, LessonStop& stop, std::string& why) {
  std::istringstream words(spec);
  std::string kind, arg;
  words >> kind;
  if (kind == "stage") {
    words >> arg;
    bool known = false;
    for (const char* s : kStages) known = known || arg == s;
    if (!known) {
      why = "unknown stage '" + arg + "' (source, tokens, ast, bytecode, vm, termination)";
      return false;
    }
    stop.kind = LessonStop::Kind::kStage;
    stop.stage = arg;
  } else if (kind == "step" || kind == "line") {
    words >> arg;
    uint64_t n = 0;
    if (!parse_number(arg, &n) || (kind == "line" && n == 0)) {
      why = "'" + kind + "' needs a number, not '" + arg + "'";
      return false;
    }
    stop.kind = kind == "step" ? LessonStop::Kind::kStep : LessonStop::Kind::kLine;
    if (kind == "step") stop.step = n;
    else stop.line = static_cast<int>(n);
    stop.stage = "vm";
  } else if (kind == "end") {
    stop.kind = LessonStop::Kind::kEnd;
    stop.stage = "termination";
  } else {
    why = "a stop is 'stage NAME', 'step N', 'line N' or 'end', not '" + kind + "'";
    return false;
  }
  while (words >> arg) {
    std::string value;
    if (!(words >> value)) {
      why = "'" + arg + "' needs a value";
      return false;
    }
    if (arg == "panel") {
      stop.panel = value;
    } else if (arg == "time" && stop.kind == LessonStop::Kind::kLine) {
      uint64_t n = 0;
      if (!parse_number(value, &n) || n == 0) {
        why = "'time' needs a number from 1";
        return false;
      }
      stop.occurrence = static_cast<int>(n);
    } else {
      why = "unknown option '" + arg + "'";
      return false;
    }
  }
  return true;
}

}  // namespace

LessonResult parse_lesson(const std::string& text) {
  LessonResult r;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  enum class Part { kHeader, kProgram, kStop, kFile } part = Part::kHeader;
  LessonFile* file = nullptr;  // the file block being read
  auto fail = [&](const std::string& why) {
    r.ok = false;
    r.error = "lesson line " + std::to_string(number) + ": " + why;
    return r;
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool starts_block = line.rfind("stop:", 0) == 0 || line.rfind("file:", 0) == 0;
    if (part == Part::kProgram || part == Part::kFile) {
      if (!starts_block) {
        (part == Part::kProgram ? r.lesson.program : file->text) += line + "\n";
        continue;
      }
    }
    if (line.rfind("file:", 0) == 0) {
      if (part == Part::kHeader) return fail("'file:' comes after 'program:'");
      std::string name = trim(line.substr(5));
      if (name.empty() || name.find('/') != std::string::npos || name.size() < 4 ||
          name.compare(name.size() - 3, 3, ".py") != 0) {
        return fail("'file:' names a module NAME.py next to the program, not '" + name + "'");
      }
      // Before the first stop: a module of the program; after one: its new
      // text from that stop on.
      auto& list = r.lesson.stops.empty() ? r.lesson.files : r.lesson.stops.back().edits;
      list.push_back({name, ""});
      file = &list.back();
      part = Part::kFile;
      continue;
    }
    if (line.rfind("stop:", 0) == 0) {
      LessonStop stop;
      std::string why;
      if (!parse_stop(trim(line.substr(5)), stop, why)) return fail(why);
      r.lesson.stops.push_back(stop);
      part = Part::kStop;
      continue;
    }
    if (part == Part::kStop) {
      std::string t = trim(line);
      std::string& caption = r.lesson.stops.back().caption;
      if (t.empty()) {
        if (!caption.empty() && caption.back() != '\n') caption += "\n\n";
      } else {
        if (!caption.empty() && caption.back() != '\n') caption += " ";
        caption += t;
      }
      continue;
    }
    // The header: "title: ...", comments (#) and blank lines, then "program:".
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (t.rfind("title:", 0) == 0) {
      r.lesson.title = trim(t.substr(6));
    } else if (t == "program:") {
      part = Part::kProgram;
    } else {
      return fail("expected 'title:', 'program:' or 'stop:', got '" + t + "'");
    }
  }
  if (r.lesson.program.empty()) return fail("the lesson has no 'program:' section");
  if (r.lesson.stops.empty()) return fail("the lesson has no stops");
  // The program and files end at the next block: blank lines before it are layout.
  auto trim_blank_lines = [](std::string& text) {
    while (text.size() >= 2 && text.compare(text.size() - 2, 2, "\n\n") == 0) text.pop_back();
  };
  trim_blank_lines(r.lesson.program);
  for (auto& f : r.lesson.files) trim_blank_lines(f.text);
  for (auto& s : r.lesson.stops) {
    while (!s.caption.empty() && s.caption.back() == '\n') s.caption.pop_back();
    for (auto& f : s.edits) trim_blank_lines(f.text);
  }
  r.ok = true;
  return r;
}

std::vector<LessonFile> Lesson::files_at(size_t index) const {
  std::vector<LessonFile> out = files;
  for (size_t i = 0; i <= index && i < stops.size(); ++i) {
    for (const LessonFile& e : stops[i].edits) {
      auto it = std::find_if(out.begin(), out.end(), [&](const LessonFile& f) { return f.name == e.name; });
      if (it != out.end()) it->text = e.text;
      else out.push_back(e);
    }
  }
  return out;
}

}  // namespace pylife::ui
