// rope.h: host side of the per-head RMSNorm + partial interleaved multimodal RoPE of the attention layers
// (qwen35.md §2.5.2-3): a per-model table of exact fixed-point frequencies and the fused rope_norm dispatch.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Device;
class Sequence;
class Transfer;
}  // namespace lectern::vk

namespace lectern::ops {

struct RopeConfig {
  uint32_t n_rot = 0;                  // rotated dims at the start of each head: even, > 0
  double theta = 1e7;                  // inv_freq[i] = theta^(-2i / n_rot)
  std::array<uint32_t, 4> sections{};  // frequency pairs per position axis (T, H, W, extra): Qwen3.5 [11, 11, 10, 0]
};

// One entry per frequency pair i < n_rot/2, as the shader reads it (uvec4): the frequency in turns per position as
// a 64-bit fixed-point fraction F = round(inv_freq[i] / (2 pi) * 2^64) (low word, high word), then the position
// component it uses (0 T, 1 H, 2 W; the ggml IMROPE rule of §2.5.3, with the 4th component mapped to T because
// positions carry three), then 0. Rounding F costs at most 2^-65 turns per unit of position: 5e-14 rad at
// p = 2^18. Exposed for tests.
std::vector<uint32_t> rope_table_entries(const RopeConfig& config);

// The table on the device; build once per model.
class RopeTable {
 public:
  static Result<RopeTable> create(const vk::Device& device, vk::Transfer& transfer, const RopeConfig& config);

  const RopeConfig& config() const { return config_; }
  const vk::Buffer& buffer() const { return buffer_; }

 private:
  RopeConfig config_;
  vk::Buffer buffer_;
};

// Where the heads live inside the token rows (in floats): head h of token t starts at t * row_stride +
// h * head_stride. The q projection output [T, n_head * 2 * head_dim] is interleaved(n_head, head_dim) (§2.5.1:
// [query | gate] per head); k is contiguous(n_head_kv, head_dim).
struct HeadLayout {
  uint32_t n_head = 0;
  uint32_t head_dim = 0;
  uint32_t head_stride = 0;
  uint32_t row_stride = 0;

  static HeadLayout contiguous(uint32_t n_head, uint32_t head_dim) {
    return {n_head, head_dim, head_dim, n_head * head_dim};
  }
  static HeadLayout interleaved(uint32_t n_head, uint32_t head_dim) {
    return {n_head, head_dim, 2 * head_dim, n_head * 2 * head_dim};
  }
};

// For every head of every token: x_h / sqrt(mean(x_h^2) + eps) * w (skipped when w has no buffer: RoPE only), then
// NeoX rotation of pairs (i, i + n_rot/2) by positions[t, axis(i)] * inv_freq[i]; dims >= n_rot are only
// normalised, floats outside the heads (the gate half of q) are not touched.
//   x, y: f32 [n_tokens, row_stride] (n_tokens from x's size); y may be x (in place) and is written only at heads
//   w: f32 [head_dim], the GGUF form with the +1 of the zero-centred norm folded in
//   positions: int32 [n_tokens, 3] (T, H, W; text: all equal; qwen35.md §7.7), exact for any int32 value
Status head_norm_rope(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& y, const HeadLayout& layout,
                      const vk::BufferSlice& w, float eps, const RopeTable& table, const vk::BufferSlice& positions);

}  // namespace lectern::ops
