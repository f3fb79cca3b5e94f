// A minimal PNG writer (8-bit RGBA, stored deflate blocks) for the app's
// screenshots; no third-party code needed for a test artefact.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pylife::ui {

// Writes [rgba] ([width] x [height], top row first) to [path] as PNG;
// false if the file cannot be written.
bool write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba);

}  // namespace pylife::ui
