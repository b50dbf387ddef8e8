// vulkan_weights.cpp: uploads a validated ModelWeights description to the device, tensor by tensor, as stored.
#include "runtime/vulkan_weights.h"

#include "runtime/tensor_upload.h"

namespace lectern::runtime {

Result<VkModelWeights> upload_weights(const vk::Device& device, vk::Transfer& transfer,
                                      const model::ModelWeights& weights) {
  TensorUploader up(device, transfer);
  VkModelWeights out;
  LECTERN_ASSIGN_OR_RETURN(out.token_embd, up.matrix(weights.token_embd));
  if (weights.output.present()) {
    LECTERN_ASSIGN_OR_RETURN(vk::DeviceMatrix output, up.matrix(weights.output));
    out.output.emplace(std::move(output));
  }
  LECTERN_ASSIGN_OR_RETURN(out.output_norm, up.f32(weights.output_norm));
  out.layers.reserve(weights.layers.size());
  for (const model::LayerWeights& L : weights.layers) {
    VkLayerWeights v;
    v.type = L.type;
    LECTERN_ASSIGN_OR_RETURN(v.attn_norm, up.f32(L.attn_norm));
    LECTERN_ASSIGN_OR_RETURN(v.post_attention_norm, up.f32(L.post_attention_norm));
    if (L.type == model::LayerType::GatedDeltaNet) {
      const model::GdnWeights& g = L.gdn;
      LECTERN_ASSIGN_OR_RETURN(v.gdn.attn_qkv, up.matrix(g.attn_qkv));
      LECTERN_ASSIGN_OR_RETURN(v.gdn.attn_gate, up.matrix(g.attn_gate));
      LECTERN_ASSIGN_OR_RETURN(v.gdn.ssm_beta, up.matrix(g.ssm_beta));
      LECTERN_ASSIGN_OR_RETURN(v.gdn.ssm_alpha, up.matrix(g.ssm_alpha));
      LECTERN_ASSIGN_OR_RETURN(v.gdn.ssm_out, up.matrix(g.ssm_out));
      LECTERN_ASSIGN_OR_RETURN(v.gdn.ssm_conv1d, up.f32(g.ssm_conv1d));
      LECTERN_ASSIGN_OR_RETURN(v.gdn.ssm_dt_bias, up.f32(g.ssm_dt_bias));
      LECTERN_ASSIGN_OR_RETURN(v.gdn.ssm_a, up.f32(g.ssm_a));
      LECTERN_ASSIGN_OR_RETURN(v.gdn.ssm_norm, up.f32(g.ssm_norm));
    } else {
      const model::AttentionWeights& a = L.attn;
      LECTERN_ASSIGN_OR_RETURN(v.attn.attn_q, up.matrix(a.attn_q));
      LECTERN_ASSIGN_OR_RETURN(v.attn.attn_k, up.matrix(a.attn_k));
      LECTERN_ASSIGN_OR_RETURN(v.attn.attn_v, up.matrix(a.attn_v));
      LECTERN_ASSIGN_OR_RETURN(v.attn.attn_output, up.matrix(a.attn_output));
      LECTERN_ASSIGN_OR_RETURN(v.attn.attn_q_norm, up.f32(a.attn_q_norm));
      LECTERN_ASSIGN_OR_RETURN(v.attn.attn_k_norm, up.f32(a.attn_k_norm));
    }
    LECTERN_ASSIGN_OR_RETURN(v.ffn_gate, up.matrix(L.ffn_gate));
    LECTERN_ASSIGN_OR_RETURN(v.ffn_up, up.matrix(L.ffn_up));
    LECTERN_ASSIGN_OR_RETURN(v.ffn_down, up.matrix(L.ffn_down));
    out.layers.push_back(std::move(v));
  }
  out.n_bytes = up.n_bytes();
  return out;
}

}  // namespace lectern::runtime
