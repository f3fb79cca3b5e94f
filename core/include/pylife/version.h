// pylife version and the Python version whose behaviour it reproduces.
#pragma once

#include <string_view>

namespace pylife {

// The pylife release, as `pylife --version` prints it.
inline constexpr std::string_view kVersion = "0.1.0";

// The CPython release series every stage is checked against.
inline constexpr std::string_view kPythonVersion = "3.11";

}  // namespace pylife
