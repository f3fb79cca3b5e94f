// Writing the app's screenshots as PNG (native builds; see png.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pylife::ui {

// Writes [rgba] ([width] x [height], top row first) to [path] as PNG;
// false if the file cannot be written.
bool write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba);

}  // namespace pylife::ui
