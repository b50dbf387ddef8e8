// weights.h: THE description of a Qwen3.5 text model's weights handed to model code, whatever the file format.
//
// Canonical form = GGUF's stored form (qwen35.md §8.1.3/§8.1.4):
//   * shapes are GGUF `ne` order: ne[0] is the inner (input) dimension; a HF [out, in] matrix is ne [in, out] with
//     identical bytes, so big matrices are views into the file mapping, never copied;
//   * zero-centred norms (attn_norm, post_attention_norm, output_norm, attn_q_norm, attn_k_norm) already hold
//     (1 + w); ssm_norm holds w (no +1); ssm_a holds -exp(A_log); ssm_conv1d is ne [kernel, channels];
//   * 1-D tensors and ssm_conv1d are always F32 (converted once at load into buffers this struct owns when the
//     file stores them otherwise, e.g. HF BF16 norms or A_log).
//
// V-head order (only matters when n_v_heads > n_k_heads): HF files keep the v heads of one k head together
// ("grouped": v head j uses k head j / (Hv/Hk)); llama.cpp GGUFs store them "tiled" (v head j uses k head j % Hk).
// The order applies to the v rows of attn_qkv, rows of attn_gate / ssm_alpha / ssm_beta, elements of ssm_a /
// ssm_dt_bias, v channels of ssm_conv1d and input columns of ssm_out. Nothing is reordered at load time:
// `v_heads_tiled` says which order the tensors are in and k_head_for_v_head() gives the k head of stored v head j.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/dtype.h"
#include "model/hparams.h"

namespace lectern::model {

enum class ModelFormat { Gguf, HfFolder };
const char* model_format_name(ModelFormat format);

struct TensorRef {
  std::string name;         // canonical GGUF name, e.g. "blk.3.attn_q.weight"
  std::string source_name;  // name in the file (HF: "model.language_model.layers.3.self_attn.q_proj.weight")
  DType dtype = DType::F32;
  uint32_t n_dims = 0;
  std::array<uint64_t, 4> ne{1, 1, 1, 1};
  const uint8_t* data = nullptr;  // into the file mapping, or into ModelWeights-owned storage
  uint64_t n_bytes = 0;
  bool converted = false;         // values were transformed/converted at load (owned storage)

  bool present() const { return data != nullptr; }
  uint64_t n_elements() const { return ne[0] * ne[1] * ne[2] * ne[3]; }
  std::string shape_string() const;  // "[64, 32]"
  // f32 view for converted/F32 tensors (nullptr otherwise).
  const float* f32() const { return dtype == DType::F32 ? reinterpret_cast<const float*>(data) : nullptr; }
};

struct GdnWeights {
  TensorRef attn_qkv;     // [n_embd, 2*Hk*dk + Hv*dv]   rows: q | k | v
  TensorRef attn_gate;    // [n_embd, Hv*dv]             z
  TensorRef ssm_beta;     // [n_embd, Hv]
  TensorRef ssm_alpha;    // [n_embd, Hv]
  TensorRef ssm_conv1d;   // [conv_kernel, 2*Hk*dk + Hv*dv]  F32
  TensorRef ssm_dt_bias;  // [Hv]  F32 (GGUF blk.N.ssm_dt.bias)
  TensorRef ssm_a;        // [Hv]  F32, -exp(A_log)
  TensorRef ssm_norm;     // [dv]  F32, plain w
  TensorRef ssm_out;      // [Hv*dv, n_embd]
};

struct AttentionWeights {
  TensorRef attn_q;       // [n_embd, 2*n_head*head_dim]  per head: head_dim query rows then head_dim gate rows
  TensorRef attn_k;       // [n_embd, n_head_kv*head_dim]
  TensorRef attn_v;       // [n_embd, n_head_kv*head_dim]
  TensorRef attn_q_norm;  // [head_dim]  F32, 1 + w
  TensorRef attn_k_norm;  // [head_dim]  F32, 1 + w
  TensorRef attn_output;  // [n_head*head_dim, n_embd]
};

struct LayerWeights {
  LayerType type = LayerType::GatedDeltaNet;
  TensorRef attn_norm;            // [n_embd]  F32, 1 + w
  TensorRef post_attention_norm;  // [n_embd]  F32, 1 + w
  GdnWeights gdn;                 // set for GatedDeltaNet layers
  AttentionWeights attn;          // set for FullAttention layers
  TensorRef ffn_gate;             // [n_embd, n_ff]
  TensorRef ffn_up;               // [n_embd, n_ff]
  TensorRef ffn_down;             // [n_ff, n_embd]
};

struct ModelWeights {
  ModelFormat format = ModelFormat::Gguf;
  std::string source_path;
  HParams hparams;
  TensorRef token_embd;   // [n_embd, n_vocab]; also the LM head when tied
  TensorRef output_norm;  // [n_embd]  F32, 1 + w
  TensorRef output;       // [n_embd, n_vocab]; absent (not present()) when tied
  std::vector<LayerWeights> layers;

  bool v_heads_tiled = false;
  // q/k head used by stored v head j (see the file comment).
  int k_head_for_v_head(int j) const;

  // Tensors in the file that the main pass does not use.
  std::vector<std::string> skipped_mtp;     // mtp.* / GGUF blocks >= n_layer / nextn
  std::vector<std::string> skipped_vision;  // model.visual.* / v.* / mm.*
  uint64_t skipped_bytes = 0;
  std::vector<std::string> unexpected;      // anything else not recognised (reported as warnings)

  // Every main-pass tensor slot in a fixed order (present or not).
  std::vector<const TensorRef*> all_tensors() const;
  uint64_t total_bytes() const;  // bytes of present main-pass tensors as stored/converted

  // Storage that must outlive the TensorRef pointers: file mappings and converted tensors.
  std::vector<std::shared_ptr<const void>> keep_alive;
  std::vector<std::unique_ptr<std::vector<float>>> owned;
};

// V-head index maps between the two orders (qwen35.md §8.1.4), r = Hv / Hk:
// grouped j = g*r + s  <->  tiled j' = s*Hk + g.
inline int v_head_grouped_to_tiled(int j, int n_k_heads, int n_v_heads) {
  int r = n_v_heads / n_k_heads;
  return (j % r) * n_k_heads + j / r;
}
inline int v_head_tiled_to_grouped(int j, int n_k_heads, int n_v_heads) {
  int r = n_v_heads / n_k_heads;
  return (j % n_k_heads) * r + j / n_k_heads;
}

class GgufFile;
struct HfFolder;

// The reconciliation of both formats into ModelWeights (weights.cpp). These only map and convert; call
// validate_weights() (weight_validation.h) before using the result. The source must outlive nothing: the
// returned weights keep the mappings alive.
Result<ModelWeights> weights_from_gguf(const GgufFile& gguf);
Result<ModelWeights> weights_from_hf(const HfFolder& folder);

}  // namespace lectern::model
