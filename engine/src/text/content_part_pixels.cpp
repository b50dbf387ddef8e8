// content_part_pixels.cpp: the ContentPart factories for images and videos that carry decoded pixels.
#include "lectern/chat.h"

namespace lectern {

ContentPart ContentPart::make_image_rgb(uint32_t width, uint32_t height, std::vector<uint8_t> rgb, std::string source) {
  ContentPart p = make_image(std::move(source));
  p.width = width;
  p.height = height;
  p.rgb = std::move(rgb);
  return p;
}

ContentPart ContentPart::make_video_frames(uint32_t width, uint32_t height, std::vector<std::vector<uint8_t>> frames,
                                           std::vector<double> frame_times, std::string source) {
  ContentPart p = make_video(std::move(source));
  p.width = width;
  p.height = height;
  p.frames = std::move(frames);
  p.frame_times = std::move(frame_times);
  return p;
}

}  // namespace lectern
