// The lesson programs of public/examples, compiled into the app (the
// examples menu; CMakeLists.txt generates the list).
#pragma once

#include <span>

namespace pylife::ui {

struct Example {
  const char* name;  // the file's name, "05_aliasing.py"
  const char* text;  // its source
};

std::span<const Example> examples();
// The lessons of public/lessons (name without ".lesson", the lesson's
// text: docs/lessons.md), for the Lessons menu of both builds.
std::span<const Example> lessons();

}  // namespace pylife::ui
