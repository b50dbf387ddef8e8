// qwen35_reference_weights.cpp: ModelWeights -> Qwen35RefWeights (dequantised f32, canonical GGUF forms kept).
#include "cpu/qwen35_reference_weights.h"

#include "core/quant.h"

namespace lectern::cpu {

namespace {

Result<std::vector<float>> to_f32(const model::TensorRef& t) {
  if (!t.present()) return Status(ErrorCode::NotFound, "tensor " + t.name + " is missing");
  const uint64_t n = t.n_elements();
  if (!quant_row_supported(t.dtype))
    return Status(ErrorCode::Unsupported, "tensor " + t.name + " has unsupported type " + dtype_name(t.dtype));
  std::vector<float> out(n);
  LECTERN_TRY(dequantize_row_checked(t.dtype, t.data, t.n_bytes, out.data(), static_cast<int64_t>(n))
                  .with_context("dequantising " + t.name));
  return out;
}

}  // namespace

Result<Qwen35RefWeights> reference_weights_from(const model::ModelWeights& mw) {
  const model::HParams& hp = mw.hparams;
  Qwen35RefWeights w;
  Qwen35RefConfig& c = w.config;
  c.n_layer = static_cast<int>(hp.n_layer);
  c.n_embd = static_cast<int>(hp.n_embd);
  c.n_ff = static_cast<int>(hp.n_ff);
  c.n_head = static_cast<int>(hp.n_head);
  c.n_head_kv = static_cast<int>(hp.n_head_kv);
  c.head_dim = static_cast<int>(hp.head_dim);
  c.n_rot = static_cast<int>(hp.n_rot);
  c.rope_theta = hp.rope_theta;
  for (int i = 0; i < 4; ++i) c.mrope_sections[i] = hp.mrope_sections[i];
  c.rms_eps = hp.rms_eps;
  c.conv_kernel = static_cast<int>(hp.conv_kernel);
  c.n_k_heads = static_cast<int>(hp.n_k_heads);
  c.n_v_heads = static_cast<int>(hp.n_v_heads);
  c.k_head_dim = static_cast<int>(hp.k_head_dim);
  c.v_head_dim = static_cast<int>(hp.v_head_dim);
  c.n_vocab = static_cast<int>(hp.n_vocab);
  c.v_heads_tiled = mw.v_heads_tiled;
  c.layer_is_attention.resize(hp.n_layer);
  for (uint32_t il = 0; il < hp.n_layer; ++il) c.layer_is_attention[il] = hp.is_full_attention(il);

  LECTERN_ASSIGN_OR_RETURN(w.token_embd, to_f32(mw.token_embd));
  LECTERN_ASSIGN_OR_RETURN(w.output_norm, to_f32(mw.output_norm));
  if (mw.output.present()) {
    LECTERN_ASSIGN_OR_RETURN(w.output, to_f32(mw.output));
  }
  for (const auto& L : mw.layers) {
    Qwen35RefLayer r;
    LECTERN_ASSIGN_OR_RETURN(r.attn_norm, to_f32(L.attn_norm));
    LECTERN_ASSIGN_OR_RETURN(r.post_attention_norm, to_f32(L.post_attention_norm));
    LECTERN_ASSIGN_OR_RETURN(r.ffn_gate, to_f32(L.ffn_gate));
    LECTERN_ASSIGN_OR_RETURN(r.ffn_up, to_f32(L.ffn_up));
    LECTERN_ASSIGN_OR_RETURN(r.ffn_down, to_f32(L.ffn_down));
    if (L.type == model::LayerType::GatedDeltaNet) {
      const auto& g = L.gdn;
      LECTERN_ASSIGN_OR_RETURN(r.attn_qkv, to_f32(g.attn_qkv));
      LECTERN_ASSIGN_OR_RETURN(r.attn_gate, to_f32(g.attn_gate));
      LECTERN_ASSIGN_OR_RETURN(r.ssm_beta, to_f32(g.ssm_beta));
      LECTERN_ASSIGN_OR_RETURN(r.ssm_alpha, to_f32(g.ssm_alpha));
      LECTERN_ASSIGN_OR_RETURN(r.ssm_conv1d, to_f32(g.ssm_conv1d));
      LECTERN_ASSIGN_OR_RETURN(r.ssm_dt_bias, to_f32(g.ssm_dt_bias));
      LECTERN_ASSIGN_OR_RETURN(r.ssm_a, to_f32(g.ssm_a));
      LECTERN_ASSIGN_OR_RETURN(r.ssm_norm, to_f32(g.ssm_norm));
      LECTERN_ASSIGN_OR_RETURN(r.ssm_out, to_f32(g.ssm_out));
    } else {
      const auto& a = L.attn;
      LECTERN_ASSIGN_OR_RETURN(r.attn_q, to_f32(a.attn_q));
      LECTERN_ASSIGN_OR_RETURN(r.attn_k, to_f32(a.attn_k));
      LECTERN_ASSIGN_OR_RETURN(r.attn_v, to_f32(a.attn_v));
      LECTERN_ASSIGN_OR_RETURN(r.attn_q_norm, to_f32(a.attn_q_norm));
      LECTERN_ASSIGN_OR_RETURN(r.attn_k_norm, to_f32(a.attn_k_norm));
      LECTERN_ASSIGN_OR_RETURN(r.attn_output, to_f32(a.attn_output));
    }
    w.layers.push_back(std::move(r));
  }
  return w;
}

}  // namespace lectern::cpu
