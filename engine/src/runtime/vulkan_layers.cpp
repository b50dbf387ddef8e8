// vulkan_layers.cpp: the Qwen3.5 forward pass as op dispatches (mirrors cpu/qwen35_reference.cpp step by step).
#include "runtime/vulkan_layers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "ops/elementwise.h"
#include "ops/embedding.h"
#include "ops/gdn_step.h"
#include "ops/kernel_config.h"
#include "ops/matmul.h"
#include "ops/matvec_q8.h"
#include "ops/norm.h"
#include "vk/command.h"

namespace lectern::runtime {
namespace {

using model::LayerType;

// The first n_tokens rows of a buffer of `width` f32 (or 32-bit) values per token.
vk::BufferSlice rows(const vk::Buffer& b, uint64_t n_tokens, uint64_t width, uint64_t first = 0) {
  return b.slice(first * width * 4, n_tokens * width * 4);
}

Result<vk::Buffer> make(const vk::Device& device, uint64_t n_floats, const std::string& name, uint64_t& total) {
  const uint64_t bytes = std::max<uint64_t>(n_floats, 1) * 4;
  auto b = vk::Buffer::create(device, bytes, vk::MemoryUsage::DeviceLocal, name);
  if (b.is_ok()) total += bytes;
  return b;
}

// One token's y = W x. Where the device multiplies Q8_0 weights with int8-quantised activations
// (ops::matvec_wants_quantized_x) and `xq` exists, x is quantised into xq first unless *quantized says xq already
// holds it (then it is set), so several products of one input quantise it once.
Status decode_product(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x,
                      const vk::BufferSlice& y, const vk::Buffer* xq, bool* quantized) {
  if (xq == nullptr || !xq->valid() || !ops::matvec_wants_quantized_x(seq.device(), w))
    return ops::matvec(seq, w, x, y);
  if (!*quantized) LECTERN_TRY(ops::quantize_x(seq, x, xq->whole()));
  *quantized = true;
  return ops::matvec_quantized(seq, w, xq->whole(), y);
}

// Y[T, n_out] = X · W^T; a single token takes the matvec (decode) path (with quantised activations in xq where used).
Status project(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::Buffer& x, const vk::Buffer& y, uint64_t T,
               const vk::Buffer* xq = nullptr) {
  const vk::BufferSlice xs = rows(x, T, w.n_cols()), ys = rows(y, T, w.n_rows());
  bool quantized = false;
  return T == 1 ? decode_product(seq, w, xs, ys, xq, &quantized) : ops::matmul(seq, w, xs, ys);
}

// Projections of one input x into several outputs: for a single token one dispatch where the device can
// (ops::matvec_multi), otherwise one product each.
struct Projection {
  const vk::DeviceMatrix& w;
  const vk::Buffer& y;
};
Status project_many(vk::Sequence& seq, std::initializer_list<Projection> outs, const vk::Buffer& x, uint64_t T,
                    const vk::Buffer* xq = nullptr) {
  if (T == 1 && outs.size() <= 4) {
    std::array<ops::MatvecOut, 4> mv;
    size_t n = 0;
    for (const Projection& o : outs) mv[n++] = {&o.w, rows(o.y, 1, o.w.n_rows())};
    const std::span<const ops::MatvecOut> all(mv.data(), n);
    if (ops::matvec_multi_supported(seq.device(), all))
      return ops::matvec_multi(seq, all, rows(x, 1, mv[0].w->n_cols()));
  }
  bool quantized = false;  // x quantised into xq once for all the products that take it
  for (const Projection& o : outs) {
    if (T == 1)
      LECTERN_TRY(decode_product(seq, o.w, rows(x, 1, o.w.n_cols()), rows(o.y, 1, o.w.n_rows()), xq, &quantized));
    else
      LECTERN_TRY(project(seq, o.w, x, o.y, T));
  }
  return Status::ok();
}

// Projections of a block's normed input: act.x through RMSNorm with `norm_w` (qwen35.md §2.2, GGUF form). For a
// single token on a device with the fused kernel the products form the norm themselves (ops::InputNorm: one
// dispatch fewer, act.normed untouched); otherwise rms_norm writes act.normed and project_many follows.
Status project_normed(vk::Sequence& seq, std::initializer_list<Projection> outs, Activations& act,
                      const vk::Buffer& norm_w, float eps, uint64_t T) {
  const uint64_t E = outs.begin()->w.n_cols();
  if (T == 1 && outs.size() <= 4) {
    std::array<ops::MatvecOut, 4> mv;
    size_t n = 0;
    bool fusable = true;
    for (const Projection& o : outs) {
      mv[n++] = {&o.w, rows(o.y, 1, o.w.n_rows())};
      fusable = fusable && ops::matvec_can_norm(seq.device(), o.w);
    }
    if (fusable) {
      const ops::InputNorm norm{norm_w.whole(), eps};
      const std::span<const ops::MatvecOut> all(mv.data(), n);
      if (ops::matvec_multi_supported(seq.device(), all))
        return ops::matvec_multi(seq, all, rows(act.x, 1, E), &norm);
      for (const ops::MatvecOut& o : all) LECTERN_TRY(ops::matvec_norm(seq, *o.w, rows(act.x, 1, E), norm, o.y));
      return Status::ok();
    }
  }
  LECTERN_TRY(ops::rms_norm(seq, rows(act.x, T, E), norm_w.whole(), rows(act.normed, T, E), E, eps, 0.0f));
  return project_many(seq, outs, act.normed, T, &act.xq);
}

// A block's output projection added to the residual stream: x += in · W^T. A single token on a device with the
// accumulating decode kernel does it in the product itself (no act.mixed pass, one dispatch fewer); otherwise the
// product goes to act.mixed and an add follows.
Status project_residual(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::Buffer& in, Activations& act,
                        uint64_t T) {
  if (T == 1 && ops::matvec_can_accumulate(seq.device(), w))
    return ops::matvec_add(seq, w, rows(in, 1, w.n_cols()), rows(act.x, 1, w.n_rows()));
  LECTERN_TRY(project(seq, w, in, act.mixed, T, &act.xq));
  const uint64_t E = w.n_rows();
  return ops::add(seq, rows(act.x, T, E), rows(act.mixed, T, E), rows(act.x, T, E));
}

// qwen35.md §2.4: Gated DeltaNet mixer on RMSNorm(act.x; norm_w), added to the residual stream act.x.
Status record_gdn(vk::Sequence& seq, const VulkanModel& m, const VkGdnWeights& w, const vk::Buffer& norm_w,
                  Activations& act, const vk::Buffer& conv_state, const vk::Buffer& delta_state, uint64_t T) {
  const ops::GdnShape& s = m.gdn_shape;
  const uint64_t C = s.conv_channels(), Hv = s.n_v_heads, zw = Hv * s.v_head_dim;
  LECTERN_TRY(project_normed(seq,
                             {{w.attn_qkv, act.qkv_raw},  // [T, C]
                              {w.attn_gate, act.z},       // [T, Hv dv]
                              {w.ssm_beta, act.b},        // [T, Hv]
                              {w.ssm_alpha, act.a}},      // [T, Hv]
                             act, norm_w, m.hp.rms_eps, T));
  LECTERN_TRY(ops::gdn_conv(seq, rows(act.qkv_raw, T, C), w.ssm_conv1d.whole(), conv_state.whole(),
                            rows(act.qkv, T, C), C, m.hp.conv_kernel));
  if (T == 1 && ops::gdn_step_supported(seq.device(), s)) {
    // Decode on CPU devices: L2 norms, gates, delta rule and gated norm in one dispatch (ops/gdn_step.h).
    LECTERN_TRY(ops::gdn_step(seq, rows(act.qkv, 1, C), rows(act.b, 1, Hv), rows(act.a, 1, Hv),
                              w.ssm_dt_bias.whole(), w.ssm_a.whole(), delta_state.whole(), rows(act.z, 1, zw),
                              w.ssm_norm.whole(), rows(act.o, 1, zw), s, m.hp.rms_eps));
    return project_residual(seq, w.ssm_out, act.o, act, T);
  }
  LECTERN_TRY(ops::gdn_l2_norm_qk(seq, rows(act.qkv, T, C), s));
  LECTERN_TRY(ops::gdn_gates(seq, rows(act.b, T, Hv), rows(act.a, T, Hv), w.ssm_dt_bias.whole(), w.ssm_a.whole(),
                             rows(act.beta, T, Hv), rows(act.g, T, Hv), s.n_v_heads));
  if (m.use_chunked(T)) {
    if (!act.chunk_scratch.valid())
      return Status(ErrorCode::Internal, "chunked delta rule requested without its scratch buffer");
    LECTERN_TRY(ops::delta_rule_chunked(seq, rows(act.qkv, T, C), rows(act.g, T, Hv), rows(act.beta, T, Hv),
                                        delta_state.whole(), rows(act.o, T, zw), act.chunk_scratch.whole(), s));
  } else {
    LECTERN_TRY(ops::delta_rule_recurrent(seq, rows(act.qkv, T, C), rows(act.g, T, Hv), rows(act.beta, T, Hv),
                                          delta_state.whole(), rows(act.o, T, zw), s));
  }
  // Gated RMSNorm per head (plain weight), gate silu(z) (qwen35.md §2.2 item 2).
  LECTERN_TRY(ops::gated_rms_norm(seq, rows(act.o, T, zw), rows(act.z, T, zw), w.ssm_norm.whole(),
                                  rows(act.o, T, zw), s.v_head_dim, m.hp.rms_eps));
  return project_residual(seq, w.ssm_out, act.o, act, T);
}

// qwen35.md §2.5: gated full attention on RMSNorm(act.x; norm_w), added to the residual stream act.x. Every row's
// k and v are stored, but attention runs only for rows [out_first, T): in the last layer the earlier rows feed
// nothing (no logits read), so their output rows keep stale values that nothing reads (Qwen3.5's last layer is
// attention: a long prefill skips a sixth of its attention work).
Status record_attention(vk::Sequence& seq, const VulkanModel& m, const VkAttentionWeights& w,
                        const vk::Buffer& norm_w, Activations& act, const ops::KvCache& cache, uint64_t T,
                        uint64_t n_past, uint64_t out_first) {
  const model::HParams& hp = m.hp;
  const uint64_t qw = 2ull * hp.n_head * hp.head_dim, kvw = uint64_t{hp.n_head_kv} * hp.head_dim;
  LECTERN_TRY(project_normed(seq,
                             {{w.attn_q, act.qg},  // [T, H, 2, hd]
                              {w.attn_k, act.k},   // [T, Hkv hd]
                              {w.attn_v, act.v}},  // [T, Hkv hd]
                             act, norm_w, hp.rms_eps, T));
  const vk::BufferSlice pos = rows(act.positions, T, 3);
  LECTERN_TRY(ops::head_norm_rope(seq, rows(act.qg, T, qw), rows(act.qg, T, qw),
                                  ops::HeadLayout::interleaved(hp.n_head, hp.head_dim), w.attn_q_norm.whole(),
                                  hp.rms_eps, *m.rope, pos));
  LECTERN_TRY(ops::head_norm_rope(seq, rows(act.k, T, kvw), rows(act.k, T, kvw),
                                  ops::HeadLayout::contiguous(hp.n_head_kv, hp.head_dim), w.attn_k_norm.whole(),
                                  hp.rms_eps, *m.rope, pos));
  LECTERN_TRY(ops::kv_store(seq, cache, rows(act.k, T, kvw), rows(act.v, T, kvw), n_past));
  const float scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(hp.head_dim)));
  const vk::BufferSlice scratch = act.attn_scratch.valid() ? act.attn_scratch.whole() : vk::BufferSlice{};
  const uint64_t n_out = T - std::min(out_first, T), aw = uint64_t{hp.n_head} * hp.head_dim;
  if (n_out > 0)
    LECTERN_TRY(ops::attention(seq, rows(act.qg, n_out, qw, T - n_out), cache, n_past + T - n_out, hp.n_head, scale,
                               rows(act.attn_out, n_out, aw, T - n_out), scratch));
  return project_residual(seq, w.attn_output, act.attn_out, act, T);
}

// SwiGLU MLP on RMSNorm(act.x; post_attention_norm), added to the residual stream act.x (qwen35.md §2.6).
Status record_mlp(vk::Sequence& seq, const VkLayerWeights& L, Activations& act, uint64_t T, uint64_t n_ff,
                  float eps) {
  LECTERN_TRY(project_normed(seq, {{L.ffn_gate, act.ffn_g}, {L.ffn_up, act.ffn_u}}, act, L.post_attention_norm, eps,
                             T));
  if (T == 1 && ops::matvec_can_accumulate(seq.device(), L.ffn_down)) {
    // One token: silu(gate) * up formed as the down projection loads it, added straight to the residual stream.
    return ops::matvec_glu_add(seq, L.ffn_down, rows(act.ffn_g, 1, n_ff), rows(act.ffn_u, 1, n_ff),
                               rows(act.x, 1, L.ffn_down.n_rows()));
  }
  LECTERN_TRY(ops::silu_mul(seq, rows(act.ffn_g, T, n_ff), rows(act.ffn_u, T, n_ff), rows(act.ffn_g, T, n_ff)));
  return project_residual(seq, L.ffn_down, act.ffn_g, act, T);
}

}  // namespace

Result<SequenceBuffers> create_sequence_buffers(const VulkanModel& m, int64_t n_ctx) {
  const model::HParams& hp = m.hp;
  const vk::Device& device = *m.device;
  SequenceBuffers s;
  s.conv.resize(hp.n_layer);
  s.delta.resize(hp.n_layer);
  s.kv.resize(hp.n_layer);
  s.has_kv.assign(hp.n_layer, false);
  const uint64_t C = m.gdn_shape.conv_channels();
  for (uint32_t il = 0; il < hp.n_layer; ++il) {
    const std::string tag = "blk." + std::to_string(il) + ".";
    if (hp.layer_types[il] == LayerType::FullAttention) {
      LECTERN_ASSIGN_OR_RETURN(s.kv[il], ops::KvCache::create(device, m.kv_type, static_cast<uint64_t>(n_ctx),
                                                              hp.n_head_kv, hp.head_dim, tag + "kv_cache"));
      s.has_kv[il] = true;
      s.n_bytes += 2 * s.kv[il].token_bytes() * static_cast<uint64_t>(n_ctx);
    } else {
      LECTERN_ASSIGN_OR_RETURN(s.conv[il], make(device, uint64_t{hp.conv_kernel - 1} * C, tag + "conv_state", s.n_bytes));
      LECTERN_ASSIGN_OR_RETURN(s.delta[il], make(device, uint64_t{hp.n_v_heads} * hp.k_head_dim * hp.v_head_dim,
                                                 tag + "delta_state", s.n_bytes));
    }
  }
  return s;
}

Result<Activations> create_activations(const VulkanModel& m, const SequenceBuffers& state, int32_t n_batch) {
  const model::HParams& hp = m.hp;
  const vk::Device& device = *m.device;
  const ActivationWidths w = activation_widths(hp);
  const uint64_t B = static_cast<uint64_t>(n_batch);
  Activations a;
  a.n_batch = n_batch;
  a.n_logit_rows = logit_rows_for(hp, n_batch);
  uint64_t& n = a.n_bytes;
  LECTERN_ASSIGN_OR_RETURN(a.ids, make(device, B, "ids", n));
  LECTERN_ASSIGN_OR_RETURN(a.positions, make(device, 3 * B, "positions", n));
  LECTERN_ASSIGN_OR_RETURN(a.x, make(device, B * w.embd, "x", n));
  LECTERN_ASSIGN_OR_RETURN(a.normed, make(device, B * w.embd, "normed", n));
  LECTERN_ASSIGN_OR_RETURN(a.mixed, make(device, B * w.embd, "mixed", n));
  LECTERN_ASSIGN_OR_RETURN(a.ffn_g, make(device, B * w.ff, "ffn_gate", n));
  LECTERN_ASSIGN_OR_RETURN(a.ffn_u, make(device, B * w.ff, "ffn_up", n));
  LECTERN_ASSIGN_OR_RETURN(a.logits, make(device, uint64_t(a.n_logit_rows) * hp.n_vocab, "logits", n));
  if (ops::matvec_int8_mode(device) == ops::MatvecInt8::DotProduct) {  // quantised input of the widest product
    const uint64_t widest = std::max({w.embd, w.ff, w.gdn_z, w.attn});
    LECTERN_ASSIGN_OR_RETURN(a.xq, make(device, (ops::quantized_x_bytes(widest) + 3) / 4, "x_quantised", n));
  }
  bool any_gdn = false, any_attn = false;
  for (LayerType t : hp.layer_types) (t == LayerType::FullAttention ? any_attn : any_gdn) = true;
  if (any_gdn) {
    LECTERN_ASSIGN_OR_RETURN(a.qkv_raw, make(device, B * w.conv, "qkv_raw", n));
    LECTERN_ASSIGN_OR_RETURN(a.qkv, make(device, B * w.conv, "qkv", n));
    LECTERN_ASSIGN_OR_RETURN(a.z, make(device, B * w.gdn_z, "z", n));
    LECTERN_ASSIGN_OR_RETURN(a.o, make(device, B * w.gdn_z, "gdn_out", n));
    LECTERN_ASSIGN_OR_RETURN(a.b, make(device, B * w.gdn_heads, "b", n));
    LECTERN_ASSIGN_OR_RETURN(a.a, make(device, B * w.gdn_heads, "a", n));
    LECTERN_ASSIGN_OR_RETURN(a.beta, make(device, B * w.gdn_heads, "beta", n));
    LECTERN_ASSIGN_OR_RETURN(a.g, make(device, B * w.gdn_heads, "g", n));
    if (m.may_use_chunked()) {
      LECTERN_ASSIGN_OR_RETURN(uint64_t bytes, ops::delta_rule_chunked_scratch_bytes(device, m.gdn_shape, B));
      LECTERN_ASSIGN_OR_RETURN(a.chunk_scratch, make(device, (bytes + 3) / 4, "delta_rule_scratch", n));
    }
  }
  if (any_attn) {
    LECTERN_ASSIGN_OR_RETURN(a.qg, make(device, B * w.q, "q_gate", n));
    LECTERN_ASSIGN_OR_RETURN(a.k, make(device, B * w.kv, "k", n));
    LECTERN_ASSIGN_OR_RETURN(a.v, make(device, B * w.kv, "v", n));
    LECTERN_ASSIGN_OR_RETURN(a.attn_out, make(device, B * w.attn, "attn_out", n));
    uint64_t scratch = 0;
    for (size_t il = 0; il < state.kv.size(); ++il) {
      if (!state.has_kv[il]) continue;
      LECTERN_ASSIGN_OR_RETURN(uint64_t bytes, ops::attention_scratch_bytes(device, state.kv[il], hp.n_head, B));
      scratch = std::max(scratch, bytes);
    }
    if (scratch > 0) {
      LECTERN_ASSIGN_OR_RETURN(a.attn_scratch, make(device, (scratch + 3) / 4, "attn_scratch", n));
    }
  }
  return a;
}

Status record_forward(vk::Sequence& seq, const VulkanModel& m, Activations& act, SequenceBuffers& state,
                      uint64_t T, uint64_t n_past, LogitsMode logits) {
  const model::HParams& hp = m.hp;
  const uint64_t E = hp.n_embd;
  const VkModelWeights& W = m.weights;
  LECTERN_TRY(ops::embedding(seq, W.token_embd, rows(act.ids, T, 1), rows(act.x, T, E)));  // [T, n_embd]
  for (const Activations::EmbeddingRun& r : act.embedding_runs)  // vision rows replace token embeddings (§7.6)
    LECTERN_TRY(seq.copy(rows(act.overrides, r.n, E, r.src_first), rows(act.x, r.n, E, r.first)));
  for (uint32_t il = 0; il < hp.n_layer; ++il) {
    const VkLayerWeights& L = W.layers[il];
    const std::string where = "layer " + std::to_string(il);
    // The last layer's rows matter only where logits are read (all, the last one, or none).
    const uint64_t out_first =
        il + 1 < hp.n_layer || logits == LogitsMode::All ? 0 : logits == LogitsMode::Last ? T - 1 : T;
    if (L.type == LayerType::FullAttention)
      LECTERN_TRY(record_attention(seq, m, L.attn, L.attn_norm, act, state.kv[il], T, n_past, out_first)
                      .with_context(where));
    else
      LECTERN_TRY(
          record_gdn(seq, m, L.gdn, L.attn_norm, act, state.conv[il], state.delta[il], T).with_context(where));
    LECTERN_TRY(record_mlp(seq, L, act, T, hp.n_ff, hp.rms_eps).with_context(where));
  }
  if (logits == LogitsMode::None) return Status::ok();
  const vk::DeviceMatrix& head = W.lm_head();
  if (logits == LogitsMode::Last) {
    // Only the last row: final norm of that row, then the decode product (the norm folded in where it can be).
    if (ops::matvec_can_norm(seq.device(), head))
      return ops::matvec_norm(seq, head, rows(act.x, 1, E, T - 1), {W.output_norm.whole(), hp.rms_eps},
                              rows(act.logits, 1, hp.n_vocab));
    LECTERN_TRY(ops::rms_norm(seq, rows(act.x, 1, E, T - 1), W.output_norm.whole(), rows(act.normed, 1, E), E,
                              hp.rms_eps, 0.0f));
    bool quantized = false;
    return decode_product(seq, head, rows(act.normed, 1, E), rows(act.logits, 1, hp.n_vocab), &act.xq, &quantized);
  }
  if (T > static_cast<uint64_t>(act.n_logit_rows))
    return Status(ErrorCode::Internal, "record_forward: " + std::to_string(T) + " logit rows exceed the " +
                                           std::to_string(act.n_logit_rows) + " the logits buffer holds");
  LECTERN_TRY(ops::rms_norm(seq, rows(act.x, T, E), W.output_norm.whole(), rows(act.normed, T, E), E, hp.rms_eps,
                            0.0f));
  return project(seq, head, act.normed, act.logits, T);
}

}  // namespace lectern::runtime
