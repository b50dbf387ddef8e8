// vision.h: host side of the vision-encoder ops (qwen35.md §7.3): LayerNorm with bias, GELU (tanh / erf) with an
// optional fused bias, NeoX rope with a per-row cos/sin table, and bidirectional flash attention within segments.
// Bias adds alone are ops::add with a broadcast row; the linear layers are ops::matmul.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Device;
class Sequence;
}

namespace lectern::ops {

// x, y: f32 [n_rows, n_cols] (n_rows from x's size); w, b: f32 [n_cols]. y may be x.
// y = (x - mean) / sqrt(var + eps) * w + b per row (biased variance).
Status layer_norm(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& w, const vk::BufferSlice& b,
                  const vk::BufferSlice& y, uint64_t n_cols, float eps);

enum class Gelu { Tanh, Erf };

// y = gelu(x + bias) with bias a row repeated across x's rows (its size divides x's), or no bias when `bias` has no
// buffer. y matches x and may be x.
Status gelu(vk::Sequence& seq, Gelu kind, const vk::BufferSlice& x, const vk::BufferSlice& bias,
            const vk::BufferSlice& y);

// Per-row rotation table for rope_neox: [n_rows, half] pairs (cos a, sin a) in f32, computed in double from
// angles [n_rows, half].
std::vector<float> rope_cos_sin(std::span<const float> angles);

// Where the heads sit in the rows of x: n_head heads of head_dim floats from the start of each row, rows
// row_stride floats apart (row_stride >= n_head * head_dim; the qkv projection output has q and k as 2 * n_head
// contiguous heads at the start of rows of 3 * n_head * head_dim).
struct RopeRows {
  uint32_t n_head = 0;
  uint32_t head_dim = 0;  // even
  uint32_t row_stride = 0;
};

// NeoX rotation of every head of every row (n_rows from cos_sin): element e < head_dim/2 pairs with e + head_dim/2,
// both rotated by the angle of (row, e) (qwen35.md §7.3.3). x, y: f32 rows as `rows` says (x holds at least
// (n_rows - 1) * row_stride + n_head * head_dim floats); y may be x and is written only at the heads.
// cos_sin: f32 [n_rows, head_dim / 2, 2] from rope_cos_sin.
Status rope_neox(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& y, const RopeRows& rows,
                 const vk::BufferSlice& cos_sin);

// Where q, k and v live: rows row_stride floats apart, each holding n_head heads of head_dim floats at the start.
// Separate [n, n_head * head_dim] tensors: row_stride = n_head * head_dim; views into one qkv projection output
// [n, 3 * n_head * head_dim]: the same buffer at offsets 0, n_embd, 2 * n_embd floats, row_stride = 3 * n_embd.
struct AttentionRows {
  uint32_t n_head = 0;
  uint32_t head_dim = 0;  // even, at most 256
  uint32_t row_stride = 0;
};

// out[t, h, :] = sum_j softmax_j(scale * q[t, h] . k[j, h]) v[j, h] over the rows j of t's segment (bidirectional,
// qwen35.md §7.3.4); segments: consecutive row counts (> 0) summing to n. out: f32 [n, n_head * head_dim], must not
// overlap q, k, v or scratch. Softmax and accumulation in f32; no n x n score matrix is ever stored.
// Each dispatch takes a chunk of query rows against a block of keys (502 at head_dim 64: few enough that no shader
// invocation loops more than half of the 65,535 iterations lavapipe allows, and that the rows fit one binding); when
// a segment has several blocks their partial (max, sum, output) go to `scratch` and attn_combine merges them, so
// slices of any length and larger than one binding work. scratch: at least attention_segments_scratch_bytes (may
// be an empty slice when that is 0).
Status attention_segments(vk::Sequence& seq, const vk::BufferSlice& q, const vk::BufferSlice& k,
                          const vk::BufferSlice& v, const AttentionRows& rows, std::span<const uint32_t> segments,
                          float scale, const vk::BufferSlice& out, const vk::BufferSlice& scratch);

// Bytes of scratch attention_segments needs for these segments (0 when every segment is one key block; at most
// 64 MiB or one binding: longer segments are processed in chunks of query rows).
Result<uint64_t> attention_segments_scratch_bytes(const vk::Device& device, const AttentionRows& rows,
                                                  std::span<const uint32_t> segments);

}  // namespace lectern::ops
