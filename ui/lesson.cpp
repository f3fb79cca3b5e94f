// The lesson format (docs/lessons.md).
#include "lesson.h"

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
  enum class Part { kHeader, kProgram, kStop } part = Part::kHeader;
  auto fail = [&](const std::string& why) {
    r.ok = false;
    r.error = "lesson line " + std::to_string(number) + ": " + why;
    return r;
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (part == Part::kProgram) {
      if (line.rfind("stop:", 0) == 0) {
        part = Part::kStop;
      } else {
        r.lesson.program += line + "\n";
        continue;
      }
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
  // The program ends at the first stop: blank lines before it are layout.
  while (r.lesson.program.size() >= 2 && r.lesson.program.compare(r.lesson.program.size() - 2, 2, "\n\n") == 0) {
    r.lesson.program.pop_back();
  }
  for (auto& s : r.lesson.stops) {
    while (!s.caption.empty() && s.caption.back() == '\n') s.caption.pop_back();
  }
  r.ok = true;
  return r;
}

}  // namespace pylife::ui
