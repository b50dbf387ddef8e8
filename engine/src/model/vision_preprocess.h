// vision_preprocess.h: engine-side (Qt-free) image and video preprocessing for the Qwen3.5 vision encoder
// (qwen35.md §7.2–§7.4): smart resize, bicubic resampling with antialias, normalisation, 16×16×2 patches in
// merge-window order, video frames in temporal pairs with timestamps, the bilinear position-table resample and
// the 2-D rotary angles of the encoder.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "lectern/status.h"
#include "model/vision_weights.h"

namespace lectern::model {

// An RGB8 picture: rgb is [height][width][3], row-major, no padding.
struct RgbImage {
  uint32_t width = 0;
  uint32_t height = 0;
  std::vector<uint8_t> rgb;
};

// Pixel budgets (qwen35.md §7.2, §7.4); the processor defaults.
struct VisionBudget {
  uint64_t image_min_pixels = 65'536;
  uint64_t image_max_pixels = 16'777'216;
  uint64_t video_min_pixels = 4'096;          // whole clip (frames × h × w)
  uint64_t video_max_pixels = 25'165'824;     // whole clip
  double video_fps = 2.0;                     // frames sampled per second of video
  uint32_t video_min_frames = 4;
  uint32_t video_max_frames = 768;
};

struct ResizedSize {
  uint32_t height = 0;
  uint32_t width = 0;
};

// smart_resize (§7.2 step 1): multiples of `factor` (patch · merge = 32) near (height, width) whose pixel count
// (times the frame count rounded up to a multiple of 2 when n_frames > 1) lies in [min_pixels, max_pixels].
// InvalidArgument when a side is 0 or the aspect ratio exceeds 200.
Result<ResizedSize> smart_resize(uint32_t height, uint32_t width, uint32_t factor, uint64_t min_pixels,
                                 uint64_t max_pixels, uint32_t n_frames = 1);

// Bicubic resize with antialias (torchvision / PIL style: a = -0.5, support widened by the scale when shrinking),
// separable, rounded and clamped to 0…255 at the end. InvalidArgument for empty sizes or a short rgb buffer.
Result<RgbImage> resize_bicubic(const RgbImage& image, uint32_t out_height, uint32_t out_width);

// A preprocessed image or video ready for the encoder.
struct VisionInput {
  bool is_video = false;
  uint32_t grid_t = 0, grid_h = 0, grid_w = 0;  // patch grid
  uint32_t merge = 2;
  std::vector<float> patches;     // [grid_t · grid_h · grid_w, patch_values], §7.2 step 5 order
  std::vector<double> timestamps; // video: seconds of each temporal group (grid_t entries); empty for images

  uint32_t n_patches() const { return grid_t * grid_h * grid_w; }
  uint32_t tokens_per_slice() const { return grid_h * grid_w / (merge * merge); }
  uint32_t n_tokens() const { return grid_t * tokens_per_slice(); }  // merged (LLM) tokens
};

// Normalises frames already resized to (h, w) and cuts them into patches. frames.size() must be a multiple of
// the temporal patch (2) — a still image is passed twice. Row order (t, block_row, block_col, r, c); values
// ((ch · 2 + f) · p + y) · p + x (§7.2 step 5).
Result<VisionInput> patchify(std::span<const RgbImage* const> frames, const VisionHParams& hp);

// Image: smart resize, bicubic resize, normalise, duplicate in time, patchify (grid_t = 1).
Result<VisionInput> preprocess_image(const RgbImage& image, const VisionHParams& hp, const VisionBudget& budget);

// Video frames already sampled (see video_frame_indices), with their times in seconds. An odd count repeats the
// last frame; one resize for the whole clip (§7.4); timestamps[k] = mean time of the frames of group k.
// InvalidArgument for no frames, frames of different sizes or a timestamp count that differs from the frames.
Result<VisionInput> preprocess_video(std::span<const RgbImage> frames, std::span<const double> frame_times,
                                     const VisionHParams& hp, const VisionBudget& budget);

// Which frames of a clip of total_frames at video_fps to sample (§7.4): ⌊total / video_fps · fps⌋ clamped to
// [min_frames, max_frames] and to total_frames, spread evenly with round(linspace(0, total − 1, n)).
std::vector<uint32_t> video_frame_indices(uint32_t total_frames, double video_fps, const VisionBudget& budget);

// "<0.8 seconds>": the timestamp text placed before each temporal group of a video (§6.3).
std::string video_timestamp_text(double seconds);

// Learned position embeddings resampled to a (grid_h, grid_w) patch grid (§7.3 step 2), bilinear with aligned
// corners, in merge-window order: [grid_h · grid_w, n_embd]. table: [side · side, n_embd].
std::vector<float> resample_position_table(std::span<const float> table, uint32_t side, uint32_t n_embd,
                                           uint32_t grid_h, uint32_t grid_w, uint32_t merge);

// 2-D rotary angles (§7.3 step 3), [grid_h · grid_w, head_dim / 2] in merge-window order: for the patch at
// (row, col), angle[j] = row · inv_freq[j] and angle[q + j] = col · inv_freq[j], q = head_dim / 4,
// inv_freq[j] = theta^(−2j / (head_dim / 2)).
std::vector<float> vision_rope_angles(uint32_t grid_h, uint32_t grid_w, uint32_t merge, uint32_t head_dim,
                                      double theta);

// (row, col) in the full patch grid of merge-order patch index i of one temporal slice.
std::array<uint32_t, 2> merge_order_patch(uint32_t i, uint32_t grid_w, uint32_t merge);

}  // namespace lectern::model
