// vision_placeholders.h: placing images and videos into the text sequence (qwen35.md §6.3, §7.6, §7.7): each
// rendered placeholder expands to the encoder's token count (videos: one timestamped group per temporal slice),
// and every token gets its (T, H, W) M-RoPE position, with the rows the encoder output replaces.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/status.h"

namespace lectern::text {

struct VisionTokenIds {
  int32_t image_pad = -1;
  int32_t video_pad = -1;
  int32_t vision_start = -1;
  int32_t vision_end = -1;
};

// The layout of one image or video, in prompt order (from model::VisionInput).
struct VisionItemLayout {
  bool is_video = false;
  uint32_t grid_t = 1, grid_h = 0, grid_w = 0;  // patch grid
  uint32_t merge = 2;
  std::vector<double> timestamps;  // video: seconds per temporal slice (grid_t entries)

  uint32_t tokens_per_slice() const { return grid_h * grid_w / (merge * merge); }
};

inline constexpr std::string_view k_image_placeholder = "<|vision_start|><|image_pad|><|vision_end|>";
inline constexpr std::string_view k_video_placeholder = "<|vision_start|><|video_pad|><|vision_end|>";

// Expands the placeholders of a rendered prompt, in order: an image's <|image_pad|> becomes tokens_per_slice
// copies; a video's whole placeholder becomes, per temporal slice k, "<t_k seconds><|vision_start|>" + pads +
// "<|vision_end|>". InvalidArgument when the placeholders and items differ in number or kind.
Result<std::string> expand_vision_placeholders(std::string_view prompt, std::span<const VisionItemLayout> items);

struct VisionPlacement {
  std::vector<std::array<int64_t, 3>> positions;  // [n_tokens] (T, H, W)
  std::vector<int32_t> pad_rows;                  // token indices that take encoder rows, in order
  int64_t next_position = 0;                      // position of the token after the prompt (all three axes)
};

// §7.7 on an expanded, tokenized prompt: text tokens (p, p, p), p += 1; a run of pad tokens for a slice of merged
// grid (H', W') gets (p, p + row, p + col) in row-major order, then p += max(H', W'). `start` is the position of
// tokens[0]. InvalidArgument when a run's length differs from its slice's token count or runs and slices differ
// in number.
Result<VisionPlacement> place_vision_tokens(std::span<const int32_t> tokens, const VisionTokenIds& ids,
                                            std::span<const VisionItemLayout> items, int64_t start = 0);

}  // namespace lectern::text
