// vision_preprocess.cpp: smart resize, bicubic antialiased resampling, patch extraction, video grouping, position
// table resample and 2-D rotary angles for the Qwen3.5 vision encoder (qwen35.md §7.2–§7.4).
#include "model/vision_preprocess.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace lectern::model {

namespace {

std::string u64s(uint64_t v) { return std::to_string(v); }

// Python's round(): half to even.
double round_half_even(double x) { return std::nearbyint(x); }

// Keys cubic convolution kernel with a = -0.5 (PIL and torchvision's antialiased bicubic).
double cubic(double x) {
  constexpr double a = -0.5;
  x = std::fabs(x);
  if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0;
  if (x < 2.0) return (((x - 5.0) * x + 8.0) * x - 4.0) * a;
  return 0.0;
}

// Per output index: the first input index and the normalised weights of the inputs it reads.
struct Taps {
  std::vector<uint32_t> first;
  std::vector<std::vector<double>> weights;
};

Taps resample_taps(uint32_t n_in, uint32_t n_out) {
  Taps t;
  const double scale = static_cast<double>(n_in) / n_out;
  const double filter_scale = std::max(scale, 1.0);  // widen the kernel when shrinking (antialias)
  const double support = 2.0 * filter_scale;
  t.first.resize(n_out);
  t.weights.resize(n_out);
  for (uint32_t i = 0; i < n_out; ++i) {
    const double center = (i + 0.5) * scale;
    const auto lo = static_cast<int64_t>(std::max(0.0, std::floor(center - support + 0.5)));
    const auto hi = std::min(static_cast<int64_t>(std::floor(center + support + 0.5)), static_cast<int64_t>(n_in));
    std::vector<double>& w = t.weights[i];
    double sum = 0;
    for (int64_t j = lo; j < hi; ++j) {
      w.push_back(cubic((static_cast<double>(j) - center + 0.5) / filter_scale));
      sum += w.back();
    }
    if (sum != 0)
      for (double& x : w) x /= sum;
    t.first[i] = static_cast<uint32_t>(lo);
  }
  return t;
}

Status check_image(const RgbImage& im, const char* what) {
  if (im.width == 0 || im.height == 0)
    return Status(ErrorCode::InvalidArgument, std::string(what) + " has no pixels (0×0)");
  if (im.rgb.size() != static_cast<uint64_t>(im.width) * im.height * 3)
    return Status(ErrorCode::InvalidArgument, std::string(what) + " of " + u64s(im.width) + "×" + u64s(im.height) +
                                                  " needs " + u64s(uint64_t{im.width} * im.height * 3) +
                                                  " RGB bytes but has " + u64s(im.rgb.size()));
  return Status::ok();
}

}  // namespace

Result<ResizedSize> smart_resize(uint32_t height, uint32_t width, uint32_t factor, uint64_t min_pixels,
                                 uint64_t max_pixels, uint32_t n_frames) {
  if (height == 0 || width == 0)
    return Status(ErrorCode::InvalidArgument, "an image of " + u64s(width) + "×" + u64s(height) + " has no pixels");
  if (factor == 0 || n_frames == 0) return Status(ErrorCode::InvalidArgument, "smart_resize: factor and frames must be > 0");
  const double H = height, W = width, F = factor;
  if (std::max(H, W) / std::min(H, W) > 200.0)
    return Status(ErrorCode::InvalidArgument,
                  "the image is " + u64s(width) + "×" + u64s(height) +
                      "; its aspect ratio must be at most 200:1 (crop or pad it first)");
  double h = round_half_even(H / F) * F;
  double w = round_half_even(W / F) * F;
  // Videos count every frame, rounded up to whole temporal patches (2); images count one frame.
  const double t_bar = n_frames > 1 ? std::ceil(n_frames / 2.0) * 2.0 : 1.0;
  const double n = n_frames > 1 ? static_cast<double>(n_frames) : 1.0;
  if (t_bar * h * w > static_cast<double>(max_pixels)) {
    const double beta = std::sqrt(n * H * W / static_cast<double>(max_pixels));
    h = std::max(F, std::floor(H / beta / F) * F);
    w = std::max(F, std::floor(W / beta / F) * F);
  } else if (t_bar * h * w < static_cast<double>(min_pixels)) {
    const double beta = std::sqrt(static_cast<double>(min_pixels) / (n * H * W));
    h = std::ceil(H * beta / F) * F;
    w = std::ceil(W * beta / F) * F;
  }
  if (h > 65536 || w > 65536)
    return Status(ErrorCode::InvalidArgument, "the resized image would be " + u64s(static_cast<uint64_t>(w)) + "×" +
                                                  u64s(static_cast<uint64_t>(h)) + "; lower the minimum pixel count");
  return ResizedSize{static_cast<uint32_t>(h), static_cast<uint32_t>(w)};
}

Result<RgbImage> resize_bicubic(const RgbImage& image, uint32_t out_height, uint32_t out_width) {
  LECTERN_TRY(check_image(image, "the image"));
  if (out_height == 0 || out_width == 0) return Status(ErrorCode::InvalidArgument, "resize to an empty size");
  const uint32_t W = image.width, H = image.height;
  // Horizontal pass: [H][out_width][3] in double.
  const Taps tx = resample_taps(W, out_width);
  std::vector<double> mid(static_cast<size_t>(H) * out_width * 3);
  for (uint32_t y = 0; y < H; ++y)
    for (uint32_t x = 0; x < out_width; ++x)
      for (uint32_t c = 0; c < 3; ++c) {
        double s = 0;
        const std::vector<double>& wt = tx.weights[x];
        for (size_t k = 0; k < wt.size(); ++k)
          s += wt[k] * image.rgb[(static_cast<size_t>(y) * W + tx.first[x] + k) * 3 + c];
        mid[(static_cast<size_t>(y) * out_width + x) * 3 + c] = s;
      }
  // Vertical pass, then round and clamp to 8 bits.
  const Taps ty = resample_taps(H, out_height);
  RgbImage out{out_width, out_height, std::vector<uint8_t>(static_cast<size_t>(out_height) * out_width * 3)};
  for (uint32_t y = 0; y < out_height; ++y)
    for (uint32_t x = 0; x < out_width; ++x)
      for (uint32_t c = 0; c < 3; ++c) {
        double s = 0;
        const std::vector<double>& wt = ty.weights[y];
        for (size_t k = 0; k < wt.size(); ++k)
          s += wt[k] * mid[((ty.first[y] + k) * out_width + x) * 3 + c];
        out.rgb[(static_cast<size_t>(y) * out_width + x) * 3 + c] =
            static_cast<uint8_t>(std::clamp(std::nearbyint(s), 0.0, 255.0));
      }
  return out;
}

std::array<uint32_t, 2> merge_order_patch(uint32_t i, uint32_t grid_w, uint32_t merge) {
  const uint32_t mm = merge * merge, blocks_w = grid_w / merge;
  const uint32_t block = i / mm, within = i % mm;
  return {(block / blocks_w) * merge + within / merge, (block % blocks_w) * merge + within % merge};
}

Result<VisionInput> patchify(std::span<const RgbImage* const> frames, const VisionHParams& hp) {
  const uint32_t tp = hp.temporal_patch, p = hp.patch_size, m = hp.merge_size;
  if (frames.empty() || frames.size() % tp != 0)
    return Status(ErrorCode::InvalidArgument, "patchify needs a positive multiple of " + u64s(tp) + " frames, got " +
                                                  u64s(frames.size()));
  const uint32_t h = frames[0]->height, w = frames[0]->width;
  for (const RgbImage* f : frames) {
    LECTERN_TRY(check_image(*f, "a frame"));
    if (f->height != h || f->width != w)
      return Status(ErrorCode::InvalidArgument, "all frames must have the same size to be patched together");
  }
  if (h % (p * m) != 0 || w % (p * m) != 0)
    return Status(ErrorCode::InvalidArgument, "frame size " + u64s(w) + "×" + u64s(h) + " is not a multiple of " +
                                                  u64s(p * m) + " (resize it with smart_resize first)");
  VisionInput in;
  in.merge = m;
  in.grid_t = static_cast<uint32_t>(frames.size() / tp);
  in.grid_h = h / p;
  in.grid_w = w / p;
  const uint32_t n_values = hp.patch_values();
  const uint32_t per_slice = in.grid_h * in.grid_w;
  in.patches.resize(static_cast<size_t>(in.n_patches()) * n_values);
  // Normalisation table per channel and byte value.
  std::array<std::array<float, 256>, 3> norm{};
  for (int c = 0; c < 3; ++c)
    for (int v = 0; v < 256; ++v)
      norm[c][v] = (static_cast<float>(v) * (1.0f / 255.0f) - hp.image_mean[c]) / hp.image_std[c];
  for (uint32_t t = 0; t < in.grid_t; ++t)
    for (uint32_t i = 0; i < per_slice; ++i) {
      const auto [pr, pc] = merge_order_patch(i, in.grid_w, m);
      float* row = in.patches.data() + (static_cast<size_t>(t) * per_slice + i) * n_values;
      for (uint32_t ch = 0; ch < hp.n_channels; ++ch)
        for (uint32_t f = 0; f < tp; ++f) {
          const RgbImage& fr = *frames[t * tp + f];
          for (uint32_t y = 0; y < p; ++y)
            for (uint32_t x = 0; x < p; ++x) {
              const size_t src = ((static_cast<size_t>(pr) * p + y) * w + static_cast<size_t>(pc) * p + x) * 3 + ch;
              row[((ch * tp + f) * p + y) * p + x] = norm[ch][fr.rgb[src]];
            }
        }
    }
  return in;
}

Result<VisionInput> preprocess_image(const RgbImage& image, const VisionHParams& hp, const VisionBudget& budget) {
  LECTERN_TRY(check_image(image, "the image"));
  const uint32_t factor = hp.patch_size * hp.merge_size;
  LECTERN_ASSIGN_OR_RETURN(ResizedSize size, smart_resize(image.height, image.width, factor, budget.image_min_pixels,
                                                          budget.image_max_pixels));
  RgbImage resized;
  const RgbImage* src = &image;
  if (size.height != image.height || size.width != image.width) {
    LECTERN_ASSIGN_OR_RETURN(resized, resize_bicubic(image, size.height, size.width));
    src = &resized;
  }
  std::vector<const RgbImage*> frames(hp.temporal_patch, src);  // a still image repeated in time
  return patchify(frames, hp);
}

Result<VisionInput> preprocess_video(std::span<const RgbImage> frames, std::span<const double> frame_times,
                                     const VisionHParams& hp, const VisionBudget& budget) {
  if (frames.empty()) return Status(ErrorCode::InvalidArgument, "the video has no frames");
  if (frame_times.size() != frames.size())
    return Status(ErrorCode::InvalidArgument, "the video has " + u64s(frames.size()) + " frames but " +
                                                  u64s(frame_times.size()) + " timestamps");
  for (const RgbImage& f : frames) {
    LECTERN_TRY(check_image(f, "a video frame"));
    if (f.width != frames[0].width || f.height != frames[0].height)
      return Status(ErrorCode::InvalidArgument, "all video frames must have the same size");
  }
  const uint32_t factor = hp.patch_size * hp.merge_size;
  const auto n = static_cast<uint32_t>(frames.size());
  LECTERN_ASSIGN_OR_RETURN(ResizedSize size, smart_resize(frames[0].height, frames[0].width, factor,
                                                          budget.video_min_pixels, budget.video_max_pixels,
                                                          std::max<uint32_t>(n, 2)));
  std::vector<RgbImage> resized;
  resized.reserve(n);
  for (const RgbImage& f : frames) {
    if (size.height == f.height && size.width == f.width) {
      resized.push_back(f);
    } else {
      LECTERN_ASSIGN_OR_RETURN(RgbImage r, resize_bicubic(f, size.height, size.width));
      resized.push_back(std::move(r));
    }
  }
  std::vector<const RgbImage*> ptrs;
  std::vector<double> times(frame_times.begin(), frame_times.end());
  for (const RgbImage& r : resized) ptrs.push_back(&r);
  while (ptrs.size() % hp.temporal_patch != 0) {  // odd count: repeat the last frame
    ptrs.push_back(ptrs.back());
    times.push_back(times.back());
  }
  LECTERN_ASSIGN_OR_RETURN(VisionInput in, patchify(ptrs, hp));
  in.is_video = true;
  for (size_t k = 0; k < in.grid_t; ++k) {
    double sum = 0;
    for (uint32_t f = 0; f < hp.temporal_patch; ++f) sum += times[k * hp.temporal_patch + f];
    in.timestamps.push_back(sum / hp.temporal_patch);
  }
  return in;
}

std::vector<uint32_t> video_frame_indices(uint32_t total_frames, double video_fps, const VisionBudget& budget) {
  if (total_frames == 0) return {};
  double wanted = video_fps > 0 ? std::floor(total_frames / video_fps * budget.video_fps) : total_frames;
  auto n = static_cast<uint64_t>(std::max(0.0, wanted));
  n = std::min<uint64_t>(std::max<uint64_t>(n, budget.video_min_frames), budget.video_max_frames);
  n = std::min<uint64_t>(n, total_frames);
  std::vector<uint32_t> idx;
  for (uint64_t i = 0; i < n; ++i) {
    const double x = n == 1 ? 0.0 : static_cast<double>(i) * (total_frames - 1) / static_cast<double>(n - 1);
    idx.push_back(static_cast<uint32_t>(round_half_even(x)));
  }
  return idx;
}

std::string video_timestamp_text(double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%.1f seconds>", seconds);
  return buf;
}

std::vector<float> resample_position_table(std::span<const float> table, uint32_t side, uint32_t n_embd,
                                           uint32_t grid_h, uint32_t grid_w, uint32_t merge) {
  std::vector<float> out(static_cast<size_t>(grid_h) * grid_w * n_embd);
  auto coord = [side](uint32_t i, uint32_t n) { return n <= 1 ? 0.0 : static_cast<double>(i) * (side - 1) / (n - 1); };
  for (uint32_t i = 0; i < grid_h * grid_w; ++i) {
    const auto [row, col] = merge_order_patch(i, grid_w, merge);
    const double y = coord(row, grid_h), x = coord(col, grid_w);
    const auto y0 = static_cast<uint32_t>(y), x0 = static_cast<uint32_t>(x);
    const uint32_t y1 = std::min(y0 + 1, side - 1), x1 = std::min(x0 + 1, side - 1);
    const double dy = y - y0, dx = x - x0;
    const float* p00 = table.data() + (static_cast<size_t>(y0) * side + x0) * n_embd;
    const float* p01 = table.data() + (static_cast<size_t>(y0) * side + x1) * n_embd;
    const float* p10 = table.data() + (static_cast<size_t>(y1) * side + x0) * n_embd;
    const float* p11 = table.data() + (static_cast<size_t>(y1) * side + x1) * n_embd;
    float* o = out.data() + static_cast<size_t>(i) * n_embd;
    for (uint32_t e = 0; e < n_embd; ++e)
      o[e] = static_cast<float>((1 - dy) * (1 - dx) * p00[e] + (1 - dy) * dx * p01[e] + dy * (1 - dx) * p10[e] +
                                dy * dx * p11[e]);
  }
  return out;
}

std::vector<float> vision_rope_angles(uint32_t grid_h, uint32_t grid_w, uint32_t merge, uint32_t head_dim,
                                      double theta) {
  const uint32_t half = head_dim / 2, quarter = head_dim / 4;
  std::vector<double> inv_freq(quarter);
  for (uint32_t j = 0; j < quarter; ++j) inv_freq[j] = std::pow(theta, -2.0 * j / static_cast<double>(half));
  std::vector<float> out(static_cast<size_t>(grid_h) * grid_w * half);
  for (uint32_t i = 0; i < grid_h * grid_w; ++i) {
    const auto [row, col] = merge_order_patch(i, grid_w, merge);
    float* a = out.data() + static_cast<size_t>(i) * half;
    for (uint32_t j = 0; j < quarter; ++j) {
      a[j] = static_cast<float>(row * inv_freq[j]);
      a[quarter + j] = static_cast<float>(col * inv_freq[j]);
    }
  }
  return out;
}

}  // namespace lectern::model
