// vision_placeholders.cpp: placeholder expansion and 3-D (M-RoPE) positions for prompts with images and videos
// (qwen35.md §6.3, §7.7).
#include "text/vision_placeholders.h"

#include <algorithm>
#include <cstdio>

namespace lectern::text {

namespace {

std::string u64s(uint64_t v) { return std::to_string(v); }

std::string timestamp_text(double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%.1f seconds>", seconds);
  return buf;
}

std::string repeat(std::string_view s, uint32_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (uint32_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

Result<std::string> expand_vision_placeholders(std::string_view prompt, std::span<const VisionItemLayout> items) {
  std::string out;
  size_t pos = 0, k = 0;
  while (true) {
    const size_t img = prompt.find(k_image_placeholder, pos), vid = prompt.find(k_video_placeholder, pos);
    const size_t at = std::min(img, vid);
    if (at == std::string_view::npos) break;
    const bool is_video = at == vid;
    if (k >= items.size())
      return Status(ErrorCode::InvalidArgument, "the prompt has more image/video placeholders than the " +
                                                    u64s(items.size()) + " images and videos given");
    const VisionItemLayout& it = items[k++];
    if (it.is_video != is_video)
      return Status(ErrorCode::InvalidArgument, std::string("placeholder ") + u64s(k) + " is " +
                                                    (is_video ? "a video" : "an image") + " but item " + u64s(k) +
                                                    " is " + (it.is_video ? "a video" : "an image"));
    if (it.tokens_per_slice() == 0 || it.grid_t == 0)
      return Status(ErrorCode::InvalidArgument, "item " + u64s(k) + " has an empty patch grid");
    out.append(prompt.substr(pos, at - pos));
    if (!is_video) {
      out += "<|vision_start|>" + repeat("<|image_pad|>", it.tokens_per_slice()) + "<|vision_end|>";
    } else {
      if (it.timestamps.size() != it.grid_t)
        return Status(ErrorCode::InvalidArgument, "video " + u64s(k) + " has " + u64s(it.timestamps.size()) +
                                                      " timestamps for " + u64s(it.grid_t) + " temporal slices");
      for (uint32_t t = 0; t < it.grid_t; ++t)
        out += timestamp_text(it.timestamps[t]) + "<|vision_start|>" + repeat("<|video_pad|>", it.tokens_per_slice()) +
               "<|vision_end|>";
    }
    pos = at + (is_video ? k_video_placeholder.size() : k_image_placeholder.size());
  }
  if (k != items.size())
    return Status(ErrorCode::InvalidArgument, "the prompt has " + u64s(k) + " image/video placeholders for " +
                                                  u64s(items.size()) + " images and videos");
  out.append(prompt.substr(pos));
  return out;
}

Result<VisionPlacement> place_vision_tokens(std::span<const int32_t> tokens, const VisionTokenIds& ids,
                                            std::span<const VisionItemLayout> items, int64_t start) {
  struct Slice {
    uint32_t h, w;  // merged grid
    bool video;
  };
  std::vector<Slice> slices;
  for (const VisionItemLayout& it : items)
    for (uint32_t t = 0; t < it.grid_t; ++t)
      slices.push_back({it.grid_h / it.merge, it.grid_w / it.merge, it.is_video});
  VisionPlacement pl;
  pl.positions.reserve(tokens.size());
  int64_t p = start;
  size_t s = 0;
  for (size_t i = 0; i < tokens.size();) {
    const int32_t tok = tokens[i];
    if (tok != ids.image_pad && tok != ids.video_pad) {
      pl.positions.push_back({p, p, p});
      ++p, ++i;
      continue;
    }
    size_t run = 0;
    while (i + run < tokens.size() && tokens[i + run] == tok) ++run;
    if (s >= slices.size())
      return Status(ErrorCode::InvalidArgument, "the prompt has more image/video token runs than the " +
                                                    u64s(slices.size()) + " encoded slices");
    const Slice& sl = slices[s++];
    if ((tok == ids.video_pad) != sl.video || run != uint64_t{sl.h} * sl.w)
      return Status(ErrorCode::InvalidArgument,
                    "image/video token run " + u64s(s) + " has " + u64s(run) + (tok == ids.video_pad ? " video" : " image") +
                        " pads but its slice needs " + u64s(uint64_t{sl.h} * sl.w) + (sl.video ? " video" : " image") +
                        " pads");
    for (size_t j = 0; j < run; ++j) {
      pl.positions.push_back({p, p + static_cast<int64_t>(j / sl.w), p + static_cast<int64_t>(j % sl.w)});
      pl.pad_rows.push_back(static_cast<int32_t>(i + j));
    }
    p += std::max(sl.h, sl.w);
    i += run;
  }
  if (s != slices.size())
    return Status(ErrorCode::InvalidArgument, "the prompt has " + u64s(s) + " image/video token runs for " +
                                                  u64s(slices.size()) + " encoded slices");
  pl.next_position = p;
  return pl;
}

}  // namespace lectern::text
