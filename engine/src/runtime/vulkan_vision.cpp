// vulkan_vision.cpp: uploads a vision tower and records the encoder pass (qwen35.md §7.3) as one vk::Sequence:
// patch matmul + bias + position table, 12 pre-norm blocks (LayerNorm, qkv, 2-D rope, segmented attention, proj,
// LayerNorm, fc1 + GELU tanh, fc2) and the 2×2 merger (LayerNorm, fc1 + GELU erf, fc2).
#include "runtime/vulkan_vision.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <string>

#include "ops/elementwise.h"
#include "ops/matmul.h"
#include "ops/vision.h"
#include "runtime/tensor_upload.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/transfer.h"

namespace lectern::runtime {
namespace {

Result<vk::Buffer> scratch(const vk::Device& device, uint64_t n_floats, const char* name) {
  auto b = vk::Buffer::create(device, n_floats * sizeof(float), vk::MemoryUsage::DeviceLocal,
                              std::string("vision ") + name);
  if (!b.is_ok()) return b.status().with_context("allocating the vision encoder's " + std::string(name));
  return b;
}

Result<vk::Buffer> upload_floats(const vk::Device& device, vk::Transfer& transfer, std::span<const float> values,
                                 const char* name) {
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer b, scratch(device, values.size(), name));
  LECTERN_TRY(transfer.upload(b, 0, values.data(), values.size_bytes()));
  return b;
}

}  // namespace

Result<std::unique_ptr<VulkanVisionEncoder>> VulkanVisionEncoder::create(vk::Device& device, vk::Transfer& transfer,
                                                                         const model::VisionWeights& weights) {
  LECTERN_TRY(model::validate_vision_weights(weights));
  const model::VisionHParams& hp = weights.hparams;
  if (hp.head_dim() % 2 != 0 || hp.head_dim() > 256) {
    return Status(ErrorCode::Unsupported, "vision head_dim " + std::to_string(hp.head_dim()) +
                                              " is not supported on Vulkan (even, at most 256)");
  }
  std::unique_ptr<VulkanVisionEncoder> enc(new VulkanVisionEncoder(device, transfer));
  enc->hp_ = hp;
  const float* table = weights.position_embd.f32();
  if (table == nullptr) return Status(ErrorCode::Internal, "vision position table is not F32");
  enc->position_table_.assign(table, table + weights.position_embd.n_elements());
  TensorUploader up(device, transfer);
  VkVisionWeights& w = enc->w_;
  LECTERN_ASSIGN_OR_RETURN(w.patch_embd, up.matrix(weights.patch_embd));
  LECTERN_ASSIGN_OR_RETURN(w.patch_bias, up.f32(weights.patch_bias));
  w.layers.reserve(weights.layers.size());
  for (const model::VisionLayerWeights& l : weights.layers) {
    VkVisionLayer v;
    LECTERN_ASSIGN_OR_RETURN(v.ln1_w, up.f32(l.ln1_w));
    LECTERN_ASSIGN_OR_RETURN(v.ln1_b, up.f32(l.ln1_b));
    LECTERN_ASSIGN_OR_RETURN(v.attn_qkv, up.matrix(l.attn_qkv));
    LECTERN_ASSIGN_OR_RETURN(v.attn_qkv_b, up.f32(l.attn_qkv_b));
    LECTERN_ASSIGN_OR_RETURN(v.attn_out, up.matrix(l.attn_out));
    LECTERN_ASSIGN_OR_RETURN(v.attn_out_b, up.f32(l.attn_out_b));
    LECTERN_ASSIGN_OR_RETURN(v.ln2_w, up.f32(l.ln2_w));
    LECTERN_ASSIGN_OR_RETURN(v.ln2_b, up.f32(l.ln2_b));
    LECTERN_ASSIGN_OR_RETURN(v.ffn_up, up.matrix(l.ffn_up));
    LECTERN_ASSIGN_OR_RETURN(v.ffn_up_b, up.f32(l.ffn_up_b));
    LECTERN_ASSIGN_OR_RETURN(v.ffn_down, up.matrix(l.ffn_down));
    LECTERN_ASSIGN_OR_RETURN(v.ffn_down_b, up.f32(l.ffn_down_b));
    w.layers.push_back(std::move(v));
  }
  LECTERN_ASSIGN_OR_RETURN(w.post_ln_w, up.f32(weights.post_ln_w));
  LECTERN_ASSIGN_OR_RETURN(w.post_ln_b, up.f32(weights.post_ln_b));
  LECTERN_ASSIGN_OR_RETURN(w.mm0, up.matrix(weights.mm0));
  LECTERN_ASSIGN_OR_RETURN(w.mm0_b, up.f32(weights.mm0_b));
  LECTERN_ASSIGN_OR_RETURN(w.mm2, up.matrix(weights.mm2));
  LECTERN_ASSIGN_OR_RETURN(w.mm2_b, up.f32(weights.mm2_b));
  w.n_bytes = up.n_bytes();
  return enc;
}

Result<std::vector<float>> VulkanVisionEncoder::encode(const model::VisionInput& in) {
  const uint32_t m = hp_.merge_size;
  if (in.n_patches() == 0 || in.grid_h % m != 0 || in.grid_w % m != 0 || in.merge != m) {
    return Status(ErrorCode::InvalidArgument, "vision input grid " + std::to_string(in.grid_t) + "x" +
                                                  std::to_string(in.grid_h) + "x" + std::to_string(in.grid_w) +
                                                  " does not fit the tower's " + std::to_string(m) + "x" +
                                                  std::to_string(m) + " merge");
  }
  if (in.patches.size() != uint64_t(in.n_patches()) * hp_.patch_values()) {
    return Status(ErrorCode::InvalidArgument, "vision input has " + std::to_string(in.patches.size()) +
                                                  " values; the tower needs " + std::to_string(hp_.patch_values()) +
                                                  " per patch for " + std::to_string(in.n_patches()) + " patches");
  }
  const uint64_t n = in.n_patches(), E = hp_.n_embd, F = hp_.n_ff, M = hp_.merge_width(), O = hp_.n_out;
  const uint64_t per_slice = uint64_t(in.grid_h) * in.grid_w, n_tokens = in.n_tokens();
  const uint32_t head_dim = hp_.head_dim();
  vk::Device& d = device_;

  // Host-side per-grid tables (§7.3 steps 2-3), identical for every temporal slice: the position table resampled
  // to the grid ([per_slice, E], added as a row repeating per slice) and the rotary cos/sin ([n, head_dim/2, 2]).
  const std::vector<float> pos =
      model::resample_position_table(position_table_, hp_.pos_side(), hp_.n_embd, in.grid_h, in.grid_w, m);
  const std::vector<float> slice_cs =
      ops::rope_cos_sin(model::vision_rope_angles(in.grid_h, in.grid_w, m, head_dim, hp_.rope_theta));
  std::vector<float> cos_sin;
  cos_sin.reserve(slice_cs.size() * in.grid_t);
  for (uint32_t t = 0; t < in.grid_t; ++t) cos_sin.insert(cos_sin.end(), slice_cs.begin(), slice_cs.end());
  const std::vector<uint32_t> segments(in.grid_t, static_cast<uint32_t>(per_slice));

  LECTERN_ASSIGN_OR_RETURN(vk::Buffer patches, upload_floats(d, transfer_, in.patches, "patches"));
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer pos_buf, upload_floats(d, transfer_, pos, "position embeddings"));
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer cs_buf, upload_floats(d, transfer_, cos_sin, "rope table"));
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer x, scratch(d, n * E, "hidden state"));  // [n, E] residual stream
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer h, scratch(d, n * E, "normed"));        // [n, E]
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer qkv, scratch(d, n * 3 * E, "qkv"));     // [n, 3E]: q | k | v
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer attn, scratch(d, n * E, "attention"));  // [n, E]
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer tmp, scratch(d, n * E, "branch"));      // [n, E]
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer up, scratch(d, n * std::max(F, M / 4), "mlp"));  // [n, F]; merger [n/4, M]
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer out, scratch(d, n_tokens * O, "output"));       // [n_tokens, O]
  const ops::AttentionRows attn_rows{hp_.n_head, head_dim, static_cast<uint32_t>(3 * E)};
  LECTERN_ASSIGN_OR_RETURN(uint64_t attn_part_bytes, ops::attention_segments_scratch_bytes(d, attn_rows, segments));
  // Partial results of the attention key blocks (one float when a slice is one block).
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer attn_part,
                           scratch(d, std::max<uint64_t>(1, attn_part_bytes / 4), "attention blocks"));

  LECTERN_ASSIGN_OR_RETURN(std::unique_ptr<vk::Sequence> seq,
                           vk::Sequence::create(d, {.profile = false, .name = "vision encoder"}));
  vk::Sequence& s = *seq;
  // x = patches · patch_embd^T + bias + position table.
  LECTERN_TRY(ops::matmul(s, w_.patch_embd, patches.whole(), x.whole()));
  LECTERN_TRY(ops::add(s, x.whole(), w_.patch_bias.whole(), x.whole()));
  LECTERN_TRY(ops::add(s, x.whole(), pos_buf.whole(), x.whole()));

  const uint64_t qkv_bytes = n * 3 * E * 4, e_bytes = E * 4;
  const vk::BufferSlice q_view{&qkv, 0, qkv_bytes};
  const vk::BufferSlice k_view{&qkv, e_bytes, qkv_bytes - e_bytes};
  const vk::BufferSlice v_view{&qkv, 2 * e_bytes, qkv_bytes - 2 * e_bytes};
  const vk::BufferSlice up_view{&up, 0, n * F * 4};
  const float scale = 1.0f / std::sqrt(static_cast<float>(head_dim));
  for (const VkVisionLayer& l : w_.layers) {
    // x += proj(attn(rope(q), rope(k), v)) on LN1(x)
    LECTERN_TRY(ops::layer_norm(s, x.whole(), l.ln1_w.whole(), l.ln1_b.whole(), h.whole(), E, hp_.eps));
    LECTERN_TRY(ops::matmul(s, l.attn_qkv, h.whole(), qkv.whole()));
    LECTERN_TRY(ops::add(s, qkv.whole(), l.attn_qkv_b.whole(), qkv.whole()));
    // q and k are the first 2 n_head heads of every qkv row: one rotation in place.
    LECTERN_TRY(ops::rope_neox(s, qkv.whole(), qkv.whole(), {2 * hp_.n_head, head_dim, attn_rows.row_stride},
                               cs_buf.whole()));
    LECTERN_TRY(ops::attention_segments(s, q_view, k_view, v_view, attn_rows, segments, scale, attn.whole(),
                                        attn_part.whole()));
    LECTERN_TRY(ops::matmul(s, l.attn_out, attn.whole(), tmp.whole()));
    LECTERN_TRY(ops::add(s, tmp.whole(), l.attn_out_b.whole(), tmp.whole()));
    LECTERN_TRY(ops::add(s, x.whole(), tmp.whole(), x.whole()));
    // x += fc2(gelu_tanh(fc1(LN2(x))))
    LECTERN_TRY(ops::layer_norm(s, x.whole(), l.ln2_w.whole(), l.ln2_b.whole(), h.whole(), E, hp_.eps));
    LECTERN_TRY(ops::matmul(s, l.ffn_up, h.whole(), up_view));
    LECTERN_TRY(ops::gelu(s, ops::Gelu::Tanh, up_view, l.ffn_up_b.whole(), up_view));
    LECTERN_TRY(ops::matmul(s, l.ffn_down, up_view, tmp.whole()));
    LECTERN_TRY(ops::add(s, tmp.whole(), l.ffn_down_b.whole(), tmp.whole()));
    LECTERN_TRY(ops::add(s, x.whole(), tmp.whole(), x.whole()));
  }
  // Merger: LayerNorm per patch; the 4 consecutive rows of one 2×2 window are one [M] row of h (§7.3 step 5).
  LECTERN_TRY(ops::layer_norm(s, x.whole(), w_.post_ln_w.whole(), w_.post_ln_b.whole(), h.whole(), E, hp_.eps));
  const vk::BufferSlice merged_view{&up, 0, n_tokens * M * 4};
  LECTERN_TRY(ops::matmul(s, w_.mm0, h.whole(), merged_view));
  LECTERN_TRY(ops::gelu(s, ops::Gelu::Erf, merged_view, w_.mm0_b.whole(), merged_view));
  LECTERN_TRY(ops::matmul(s, w_.mm2, merged_view, out.whole()));
  LECTERN_TRY(ops::add(s, out.whole(), w_.mm2_b.whole(), out.whole()));
  LECTERN_TRY(s.run());

  std::vector<float> result(n_tokens * O);
  LECTERN_TRY(transfer_.download(out, 0, result.data(), result.size() * sizeof(float)));
  return result;
}

}  // namespace lectern::runtime
