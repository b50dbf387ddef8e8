// vision_reference.cpp: the Qwen3.5 vision encoder on the CPU (qwen35.md §7.3), built from cpu/matmul and the
// reference ops of cpu/vision_ops; weights of any stored dtype are expanded to f32 per use.
#include "cpu/vision_reference.h"

#include <cmath>
#include <cstddef>

#include "core/quant.h"
#include "cpu/matmul.h"
#include "cpu/vision_ops.h"

namespace lectern::cpu {

namespace {

using model::TensorRef;

std::span<const float> f32_span(const TensorRef& t) {
  return {reinterpret_cast<const float*>(t.data), static_cast<size_t>(t.n_elements())};
}

// y [n_tokens, ne1] = x [n_tokens, ne0] · W^T + bias, W stored ne [ne0, ne1] in any supported dtype.
Result<std::vector<float>> linear(const TensorRef& w, const TensorRef* bias, std::span<const float> x,
                                  size_t n_tokens) {
  const size_t n_in = w.ne[0], n_out = w.ne[1];
  std::vector<float> wf(n_in * n_out);
  Status s = dequantize_row_checked(w.dtype, w.data, w.n_bytes, wf.data(), static_cast<int64_t>(wf.size()));
  if (!s.is_ok()) return s.with_context("vision tensor " + w.name);
  std::vector<float> y(n_tokens * n_out);
  LECTERN_TRY(matmul(DType::F32, std::as_bytes(std::span<const float>(wf)), n_out, n_in, x, y, n_tokens));
  if (bias) LECTERN_TRY(add_bias(y, f32_span(*bias)));
  return y;
}

Status check_input(const model::VisionWeights& w, const model::VisionInput& in) {
  const model::VisionHParams& hp = w.hparams;
  const uint32_t m = hp.merge_size;
  if (in.n_patches() == 0 || in.grid_h % m != 0 || in.grid_w % m != 0 || in.merge != m)
    return Status(ErrorCode::InvalidArgument, "vision input grid " + std::to_string(in.grid_t) + "×" +
                                                  std::to_string(in.grid_h) + "×" + std::to_string(in.grid_w) +
                                                  " does not fit the tower's " + std::to_string(m) + "×" +
                                                  std::to_string(m) + " merge");
  if (in.patches.size() != static_cast<size_t>(in.n_patches()) * hp.patch_values())
    return Status(ErrorCode::InvalidArgument, "vision input has " + std::to_string(in.patches.size()) +
                                                  " values; the tower needs " + std::to_string(hp.patch_values()) +
                                                  " per patch for " + std::to_string(in.n_patches()) + " patches");
  return Status::ok();
}

}  // namespace

Result<std::vector<float>> vision_patch_embed_reference(const model::VisionWeights& w, const model::VisionInput& in) {
  LECTERN_TRY(check_input(w, in));
  return linear(w.patch_embd, &w.patch_bias, in.patches, in.n_patches());
}

Result<std::vector<float>> encode_vision_reference(const model::VisionWeights& w, const model::VisionInput& in) {
  const model::VisionHParams& hp = w.hparams;
  const size_t n = in.n_patches(), E = hp.n_embd, per_slice = size_t{in.grid_h} * in.grid_w;
  const size_t n_head = hp.n_head, head_dim = hp.head_dim();
  // [n, E] patch embeddings + the resampled position table (identical for every temporal slice).
  LECTERN_ASSIGN_OR_RETURN(std::vector<float> x, vision_patch_embed_reference(w, in));
  const std::vector<float> pos = model::resample_position_table(f32_span(w.position_embd), hp.pos_side(), hp.n_embd,
                                                                in.grid_h, in.grid_w, hp.merge_size);
  const std::vector<float> slice_angles =
      model::vision_rope_angles(in.grid_h, in.grid_w, hp.merge_size, hp.head_dim(), hp.rope_theta);
  std::vector<float> angles;  // [n, head_dim / 2]
  for (uint32_t t = 0; t < in.grid_t; ++t) {
    for (size_t i = 0; i < per_slice * E; ++i) x[t * per_slice * E + i] += pos[i];
    angles.insert(angles.end(), slice_angles.begin(), slice_angles.end());
  }
  const std::vector<uint32_t> segments(in.grid_t, static_cast<uint32_t>(per_slice));
  const float scale = 1.0f / std::sqrt(static_cast<float>(head_dim));

  std::vector<float> h(n * E), q(n * E), k(n * E), v(n * E), attn(n * E);
  for (const model::VisionLayerWeights& l : w.layers) {
    LECTERN_TRY(layer_norm(x, f32_span(l.ln1_w), f32_span(l.ln1_b), h, E, hp.eps));
    LECTERN_ASSIGN_OR_RETURN(std::vector<float> qkv, linear(l.attn_qkv, &l.attn_qkv_b, h, n));  // [n, 3E]
    for (size_t r = 0; r < n; ++r) {
      const float* src = qkv.data() + r * 3 * E;
      std::copy(src, src + E, q.data() + r * E);
      std::copy(src + E, src + 2 * E, k.data() + r * E);
      std::copy(src + 2 * E, src + 3 * E, v.data() + r * E);
    }
    LECTERN_TRY(rope_neox(q, n_head, head_dim, angles));
    LECTERN_TRY(rope_neox(k, n_head, head_dim, angles));
    LECTERN_TRY(attention_segments(q, k, v, n_head, head_dim, segments, scale, attn));
    LECTERN_ASSIGN_OR_RETURN(std::vector<float> o, linear(l.attn_out, &l.attn_out_b, attn, n));
    for (size_t i = 0; i < n * E; ++i) x[i] += o[i];
    LECTERN_TRY(layer_norm(x, f32_span(l.ln2_w), f32_span(l.ln2_b), h, E, hp.eps));
    LECTERN_ASSIGN_OR_RETURN(std::vector<float> up, linear(l.ffn_up, &l.ffn_up_b, h, n));  // [n, n_ff]
    LECTERN_TRY(gelu_tanh(up, up));
    LECTERN_ASSIGN_OR_RETURN(std::vector<float> down, linear(l.ffn_down, &l.ffn_down_b, up, n));
    for (size_t i = 0; i < n * E; ++i) x[i] += down[i];
  }
  // Merger: LayerNorm per patch, 4 consecutive rows (one 2×2 window) as one [4E] row, fc1, exact GELU, fc2.
  LECTERN_TRY(layer_norm(x, f32_span(w.post_ln_w), f32_span(w.post_ln_b), h, E, hp.eps));
  const size_t n_tokens = n / (size_t{hp.merge_size} * hp.merge_size);
  LECTERN_ASSIGN_OR_RETURN(std::vector<float> m1, linear(w.mm0, &w.mm0_b, h, n_tokens));  // [n_tokens, 4E]
  LECTERN_TRY(gelu_erf(m1, m1));
  return linear(w.mm2, &w.mm2_b, m1, n_tokens);  // [n_tokens, n_out]
}

}  // namespace lectern::cpu
