// vulkan_weights.cpp: uploads a validated ModelWeights description to the device, tensor by tensor, as stored.
#include "runtime/vulkan_weights.h"

#include <span>
#include <string>

#include "vk/device.h"
#include "vk/transfer.h"

namespace lectern::runtime {
namespace {

class Uploader {
 public:
  Uploader(const vk::Device& device, vk::Transfer& transfer) : device_(device), transfer_(transfer) {}

  // A 2-D tensor ne [in, out] becomes DeviceMatrix [out rows, in cols] in its stored type (same bytes).
  Result<vk::DeviceMatrix> matrix(const model::TensorRef& t) {
    if (!t.present()) return missing(t);
    if (t.ne[2] != 1 || t.ne[3] != 1)
      return Status(ErrorCode::Unsupported, "tensor " + t.name + " has shape " + t.shape_string() +
                                                "; the Vulkan backend expects a 2-D matrix");
    auto m = vk::DeviceMatrix::upload(device_, transfer_, t.dtype, t.ne[1], t.ne[0],
                                      std::span<const std::byte>(reinterpret_cast<const std::byte*>(t.data), t.n_bytes),
                                      t.name);
    if (!m.is_ok()) return m.status().with_context("uploading " + t.name + " " + t.shape_string());
    n_bytes_ += m->n_rows() * m->row_bytes();
    return m;
  }

  // 1-D tensors and the conv kernel: f32 (weights.h guarantees the canonical form is F32).
  Result<vk::Buffer> f32(const model::TensorRef& t) {
    if (!t.present()) return missing(t);
    if (t.dtype != DType::F32)
      return Status(ErrorCode::Internal, "tensor " + t.name + " is " + dtype_name(t.dtype) +
                                             ", but the canonical form of 1-D tensors and conv kernels is F32");
    auto b = vk::Buffer::create(device_, t.n_bytes, vk::MemoryUsage::DeviceLocal, t.name);
    if (!b.is_ok()) return b.status().with_context("uploading " + t.name + " " + t.shape_string());
    LECTERN_TRY(transfer_.upload(*b, 0, t.data, t.n_bytes));
    n_bytes_ += t.n_bytes;
    return b;
  }

  uint64_t n_bytes() const { return n_bytes_; }

 private:
  static Status missing(const model::TensorRef& t) {
    return Status(ErrorCode::Internal, "tensor " + t.name + " is missing although the weights were validated");
  }

  const vk::Device& device_;
  vk::Transfer& transfer_;
  uint64_t n_bytes_ = 0;
};

}  // namespace

Result<VkModelWeights> upload_weights(const vk::Device& device, vk::Transfer& transfer,
                                      const model::ModelWeights& weights) {
  Uploader up(device, transfer);
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
