// vulkan_weights.h: a Qwen3.5 text model's weights on the device: every matrix a vk::DeviceMatrix in its stored
// type ([out rows, in cols] row-major = GGUF ne [in, out]), 1-D tensors and conv kernels f32 buffers.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "runtime/tensor_upload.h"  // with the device types, TensorRef and Status

namespace lectern::runtime {

struct VkGdnWeights {
  vk::DeviceMatrix attn_qkv, attn_gate, ssm_beta, ssm_alpha, ssm_out;
  vk::Buffer ssm_conv1d;  // [C, K]
  vk::Buffer ssm_dt_bias, ssm_a;  // [Hv]
  vk::Buffer ssm_norm;    // [dv]
};

struct VkAttentionWeights {
  vk::DeviceMatrix attn_q, attn_k, attn_v, attn_output;
  vk::Buffer attn_q_norm, attn_k_norm;  // [head_dim], 1 + w
};

struct VkLayerWeights {
  model::LayerType type = model::LayerType::GatedDeltaNet;
  vk::Buffer attn_norm, post_attention_norm;  // [n_embd], 1 + w
  VkGdnWeights gdn;
  VkAttentionWeights attn;
  vk::DeviceMatrix ffn_gate, ffn_up, ffn_down;
};

struct VkModelWeights {
  vk::DeviceMatrix token_embd;            // [n_vocab, n_embd]
  std::optional<vk::DeviceMatrix> output; // untied LM head; nullopt when tied
  vk::Buffer output_norm;                 // [n_embd], 1 + w
  std::vector<VkLayerWeights> layers;
  uint64_t n_bytes = 0;                   // device bytes of all of the above

  const vk::DeviceMatrix& lm_head() const { return output ? *output : token_embd; }
};

// Uploads every main-pass tensor. A VK_ERROR_OUT_OF_DEVICE_MEMORY while allocating comes back as
// OutOfDeviceMemory naming the tensor.
Result<VkModelWeights> upload_weights(const vk::Device& device, vk::Transfer& transfer,
                                      const model::ModelWeights& weights);

}  // namespace lectern::runtime
