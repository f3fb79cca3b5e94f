// Autosave of the editor's text (autosave.h).
#include "autosave.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace pylife::ui {

std::filesystem::path config_dir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "pylife";
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".config" / "pylife";
  return {};
}

std::filesystem::path autosave_path(const std::filesystem::path& config, const std::optional<std::string>& file) {
  if (config.empty()) return {};
  if (!file) return config / "autosave" / "untitled.py";
  std::error_code ec;
  std::string key = std::filesystem::absolute(*file, ec).lexically_normal().string();
  for (char& c : key) {
    if (c == '/' || c == '\\' || c == ':') c = '_';
  }
  return config / "autosave" / key;
}

std::optional<std::string> read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool save_text(const std::filesystem::path& p, const std::string& text) {
  if (p.empty()) return false;
  std::error_code ec;
  std::filesystem::create_directories(p.parent_path(), ec);
  std::filesystem::path tmp = p;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << text;
    if (!out) return false;
  }
  std::filesystem::rename(tmp, p, ec);
  return !ec;
}

}  // namespace pylife::ui
