// image_decode.h: reading image files into RGB8 pixels for `lectern-cli run --image/--video` (PNG via libpng,
// JPEG via libjpeg, binary PPM); the desktop app decodes with Qt instead.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lectern/status.h"

namespace lectern::cli {

struct DecodedImage {
  uint32_t width = 0, height = 0;
  std::vector<uint8_t> rgb;  // [height][width][3]
};

// By content (signature), not by extension. NotFound for a missing file, Unsupported for other formats,
// CorruptData for a broken file.
Result<DecodedImage> decode_image_file(const std::string& path);

}  // namespace lectern::cli
