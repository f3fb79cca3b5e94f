// The editor's text kept between sessions (nothing typed is lost): where it
// goes and how it is written.  No ImGui or SDL here (tested directly).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace pylife::ui {

// The app's settings directory: $XDG_CONFIG_HOME/pylife, else
// ~/.config/pylife; empty when neither is known.
std::filesystem::path config_dir();

// Where the text of [file] (nullopt: the untitled program) is autosaved
// under [config]: one file per program, named after its absolute path.
std::filesystem::path autosave_path(const std::filesystem::path& config, const std::optional<std::string>& file);

std::optional<std::string> read_text(const std::filesystem::path& p);

// Writes [text] to [p] through a temporary file renamed over it, so a
// crash mid-write never leaves half a program; false on failure.
bool save_text(const std::filesystem::path& p, const std::string& text);

}  // namespace pylife::ui
