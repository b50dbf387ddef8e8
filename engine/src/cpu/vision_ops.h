// vision_ops.h: reference ops of the Qwen3.5 vision encoder (qwen35.md §7.3): LayerNorm with bias, GELU (tanh and
// erf), bias add, NeoX rope with per-row angles and bidirectional attention within segments. Plain loops in double,
// rounded once to f32; the oracle for the vision shaders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "lectern/status.h"

namespace lectern::cpu {

// x, y: [n, dim] row-major; weight, bias: [dim]. y may alias x.
// y[r, i] = (x[r, i] - mean_r) / sqrt(var_r + eps) * weight[i] + bias[i], var_r the biased (1/dim) variance.
Status layer_norm(std::span<const float> x, std::span<const float> weight, std::span<const float> bias,
                  std::span<float> y, size_t dim, float eps);

// y = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), the vision MLP activation (§7.1). y may alias x.
Status gelu_tanh(std::span<const float> x, std::span<float> y);

// y = 0.5 x (1 + erf(x / sqrt(2))), the exact GELU of the merger (§7.3.5). y may alias x.
Status gelu_erf(std::span<const float> x, std::span<float> y);

// In place, x: [n, dim], bias: [dim]: x[r, i] += bias[i].
Status add_bias(std::span<float> x, std::span<const float> bias);

// In place, x: [n, n_head, head_dim], angles: [n, head_dim / 2]. For every head of row r, element e < head_dim/2
// pairs with e + head_dim/2 and both rotate by angles[r, e] (NeoX "rotate half", §7.3.3):
//   x'[e] = x[e] cos - x[e + half] sin,   x'[e + half] = x[e + half] cos + x[e] sin.
Status rope_neox(std::span<float> x, size_t n_head, size_t head_dim, std::span<const float> angles);

// Bidirectional softmax attention within consecutive segments of rows (one per temporal slice of an image/video,
// §7.3.4 cu_seqlens): a query row attends to every row of its own segment and to nothing else.
//   q, k, v: [n, n_head, head_dim];  out: [n, n_head * head_dim];  segments: row counts, summing to n, each > 0.
//   out[t, h, :] = sum_j softmax_j(scale * q[t, h] . k[j, h]) v[j, h] over j in the segment of t.
Status attention_segments(std::span<const float> q, std::span<const float> k, std::span<const float> v,
                          size_t n_head, size_t head_dim, std::span<const uint32_t> segments, float scale,
                          std::span<float> out);

}  // namespace lectern::cpu
