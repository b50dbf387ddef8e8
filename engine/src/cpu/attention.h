// attention.h: reference gated full attention of Qwen3.5 (qwen35.md §2.5): per-head RMSNorm + partial interleaved
// multimodal RoPE (IMROPE) and causal GQA attention with a sigmoid output gate. Plain loops in f64; the oracle for
// the rope_norm / attn_* shaders.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "lectern/status.h"

namespace lectern::cpu {

struct RopeParams {
  uint32_t n_rot = 0;                     // rotated dims at the start of each head (even)
  double theta = 1e7;                     // base of inv_freq[i] = theta^(-2i / n_rot)
  std::array<uint32_t, 4> sections{};     // frequency pairs per position axis (T, H, W, extra), ggml IMROPE rule
};

// Which position component frequency pair i uses: 0 = T, 1 = H, 2 = W, 3 = the extra one (qwen35.md §2.5.3, the
// ggml IMROPE rule; same as mrope_axis() in cpu/qwen35_reference.cpp). Text positions only carry (T, H, W), so
// callers use T for axis 3 as qwen35_reference does (unreachable with Qwen3.5's sections [11, 11, 10, 0]).
int imrope_axis(uint32_t i, const std::array<uint32_t, 4>& sections);

// Where the heads of one token row live: head h of token t starts at t * row_stride + h * head_stride (in floats).
// q projection output (§2.5.1): head_stride = 2 * head_dim ([query | gate] per head); k: head_stride = head_dim.
struct HeadRows {
  size_t n_tokens = 0;
  size_t n_head = 0;
  size_t head_dim = 0;
  size_t head_stride = 0;
  size_t row_stride = 0;
};

// In place, for every head of every token: x_h <- x_h / sqrt(mean(x_h^2) + eps) * w (skipped when w is empty; w holds
// the GGUF form with the +1 folded in, §2.5.2), then NeoX rotation of pairs (i, i + n_rot/2) of the first n_rot dims
// by the angle positions[t, axis(i)] * inv_freq[i] (computed and reduced in f64). positions: [n_tokens, 3] (T, H, W).
Status head_norm_rope(std::span<float> x, const HeadRows& rows, std::span<const float> w, float eps,
                      const RopeParams& rope, std::span<const int32_t> positions);

// The q8_0 KV-cache store (ops::kv_store on a Q8_0 cache), in place: every group of 32 consecutive values becomes
// q * d with d = max|x| / 127 (f32) and q = x / d rounded half away from zero (f32 arithmetic, as the shader).
// x.size() must be a multiple of 32.
Status kv_round_trip_q8_0(std::span<float> x);

struct AttentionDims {
  size_t n_tokens = 0;   // T new tokens, at absolute positions n_past .. n_past + T - 1
  size_t n_past = 0;     // cache positions before them
  size_t n_head = 0;
  size_t n_head_kv = 0;  // divides n_head; query head h reads kv head h / (n_head / n_head_kv) (§2.5.4)
  size_t head_dim = 0;
  double scale = 0.0;    // score scale, 1 / sqrt(head_dim) for Qwen3.5
};

// out[t, h, :] = softmax_j(scale * q[t, h] . k[j, g]) over cache positions j <= n_past + t, weighted sum of v[j, g],
// times sigmoid(gate[t, h, :]) (§2.5.4-5).
//   qg:  [T, n_head, 2, head_dim]  (query already normed and rotated | gate), the interleaved q projection layout
//   k, v: [n_past + T (or more), n_head_kv, head_dim]  the cache contents (k after norm and RoPE)
//   out: [T, n_head * head_dim]
Status gated_attention(std::span<const float> qg, std::span<const float> k, std::span<const float> v,
                       const AttentionDims& dims, std::span<float> out);

}  // namespace lectern::cpu
