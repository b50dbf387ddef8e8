// vulkan_vision.h: the Qwen3.5 vision encoder on the device (qwen35.md §7.3, §7.5): the tower's weights uploaded
// as stored (F32/F16/BF16/Q8_0 matrices, f32 vectors) and one recorded pass per image or video from patches to
// merged embeddings [n_tokens, n_out], the rows that replace the <|image_pad|> / <|video_pad|> embeddings (§7.6).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "model/vision_preprocess.h"
#include "model/vision_weights.h"
#include "runtime/tensor_upload.h"  // with the device types and Status

namespace lectern::runtime {

struct VkVisionLayer {
  vk::Buffer ln1_w, ln1_b, ln2_w, ln2_b;     // [n_embd]
  vk::DeviceMatrix attn_qkv;                 // [3 n_embd rows, n_embd cols]: q | k | v
  vk::Buffer attn_qkv_b;                     // [3 n_embd]
  vk::DeviceMatrix attn_out;                 // [n_embd, n_embd]
  vk::Buffer attn_out_b;                     // [n_embd]
  vk::DeviceMatrix ffn_up, ffn_down;         // [n_ff, n_embd], [n_embd, n_ff]
  vk::Buffer ffn_up_b, ffn_down_b;           // [n_ff], [n_embd]
};

struct VkVisionWeights {
  vk::DeviceMatrix patch_embd;  // [n_embd, patch_values] f32
  vk::Buffer patch_bias;        // [n_embd]
  std::vector<VkVisionLayer> layers;
  vk::Buffer post_ln_w, post_ln_b;  // [n_embd]
  vk::DeviceMatrix mm0, mm2;        // [merge_width, merge_width], [n_out, merge_width]
  vk::Buffer mm0_b, mm2_b;          // [merge_width], [n_out]
  uint64_t n_bytes = 0;
};

class VulkanVisionEncoder {
 public:
  // Uploads a validated tower. `device` and `transfer` must outlive the encoder; callers serialise use of
  // `transfer` (and of the encoder) across threads. The host copy of the position table is kept for the
  // per-grid resample.
  static Result<std::unique_ptr<VulkanVisionEncoder>> create(vk::Device& device, vk::Transfer& transfer,
                                                             const model::VisionWeights& weights);

  // Merged embeddings [input.n_tokens(), n_out] in processor order (slice, merged row, merged col); the same
  // contract as cpu::encode_vision_reference. One attention segment per temporal slice; each slice's q/k/v rows must
  // fit one storage-buffer binding (Unsupported otherwise, naming the limit).
  Result<std::vector<float>> encode(const model::VisionInput& input);

  const model::VisionHParams& hparams() const { return hp_; }
  uint64_t weight_bytes() const { return w_.n_bytes; }

 private:
  VulkanVisionEncoder(vk::Device& device, vk::Transfer& transfer) : device_(device), transfer_(transfer) {}

  vk::Device& device_;
  vk::Transfer& transfer_;
  model::VisionHParams hp_;
  std::vector<float> position_table_;  // [n_pos, n_embd]
  VkVisionWeights w_;
};

}  // namespace lectern::runtime
