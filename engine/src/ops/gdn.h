// gdn.h: host side of the Gated DeltaNet ops (qwen35.md §2.4): causal conv1d + SiLU with a carried state, per-head
// L2 norm of q/k, the gates, the gated delta rule (recurrent and chunked) and the gated RMSNorm of the output (§2.2).
// All activations are f32; q, k and v are read in place from the conv-output rows, so nothing is copied.
#pragma once

#include <cstdint>

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Device;
class Sequence;
}  // namespace lectern::vk

namespace lectern::ops {

// Head geometry of one GDN layer (0.8B: Hk = Hv = 16, dk = dv = 128).
struct GdnShape {
  uint32_t n_k_heads = 0;      // Hk
  uint32_t n_v_heads = 0;      // Hv, a multiple of Hk
  uint32_t k_head_dim = 0;     // dk: 32, 64, 96, ... 256 (a multiple of 32)
  uint32_t v_head_dim = 0;     // dv: likewise
  bool v_heads_tiled = false;  // GGUF order: v head j uses k head j % Hk; HF (grouped): j / (Hv / Hk)

  // C = 2 Hk dk + Hv dv, the width of a mixed_qkv / conv-output row: q heads, then k heads, then v heads.
  uint64_t conv_channels() const {
    return 2 * uint64_t(n_k_heads) * k_head_dim + uint64_t(n_v_heads) * v_head_dim;
  }
};

// §2.4.2. x: [T, C] raw mixed_qkv rows; w: [C, K] (GGUF ssm_conv1d, ne [K, C]); state: [K-1, C], the K-1 raw rows
// before x (zeros for a fresh sequence), replaced by the last K-1 raw rows of [state; x]. y: [T, C] = silu(conv);
// y must not overlap x or state. Any T >= 1; 2 <= K <= 16.
Status gdn_conv(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& w, const vk::BufferSlice& state,
                const vk::BufferSlice& y, uint64_t n_channels, uint32_t kernel);

// §2.4.3, in place on conv-output rows qkv [T, C]: every q and k head becomes x / sqrt(sum x^2 + 1e-6), q is then
// scaled by 1 / sqrt(dk). v is untouched.
Status gdn_l2_norm_qk(vk::Sequence& seq, const vk::BufferSlice& qkv, const GdnShape& shape);

// §2.4.4. b, a: [T, Hv]; dt_bias, ssm_a: [Hv] (ssm_a = -exp(A_log), the GGUF form).
// beta = sigmoid(b), g = ssm_a * softplus(a + dt_bias), both [T, Hv].
Status gdn_gates(vk::Sequence& seq, const vk::BufferSlice& b, const vk::BufferSlice& a,
                 const vk::BufferSlice& dt_bias, const vk::BufferSlice& ssm_a, const vk::BufferSlice& beta,
                 const vk::BufferSlice& g, uint32_t n_v_heads);

// §2.4.5, token by token (decode; fine for a few tokens). qkv: [T, C] after gdn_l2_norm_qk; g, beta: [T, Hv];
// state: [Hv, dk, dv] f32, updated in place; o: [T, Hv dv].
Status delta_rule_recurrent(vk::Sequence& seq, const vk::BufferSlice& qkv, const vk::BufferSlice& g,
                            const vk::BufferSlice& beta, const vk::BufferSlice& state, const vk::BufferSlice& o,
                            const GdnShape& shape);

// §2.4.7, chunks of 64 tokens (prefill); same arguments and result as delta_rule_recurrent, plus a scratch buffer
// of at least delta_rule_chunked_scratch_bytes() that holds the per-chunk W and U between the kernels.
Status delta_rule_chunked(vk::Sequence& seq, const vk::BufferSlice& qkv, const vk::BufferSlice& g,
                          const vk::BufferSlice& beta, const vk::BufferSlice& state, const vk::BufferSlice& o,
                          const vk::BufferSlice& scratch, const GdnShape& shape);
// Scratch bytes delta_rule_chunked needs for n_tokens (about Hv (dk + dv) 4 bytes per token, capped by the
// binding limit: longer batches run in several groups of chunks that reuse it).
Result<uint64_t> delta_rule_chunked_scratch_bytes(const vk::Device& device, const GdnShape& shape, uint64_t n_tokens);

// Which form to use for a batch of n_tokens: the chunked one on GPUs from 32 tokens on, where its per-chunk matrix
// products beat 32 sequential token steps (an estimate; tune with measurements). Never on CPU devices (lavapipe):
// there the recurrence is fewer operations (4 dk dv per token and head, against about 5.5 dk dv for the chunked
// kernels at dk = dv = 128) and already has Hv dv / 8 independent workgroups.
bool delta_rule_prefers_chunked(const vk::Device& device, uint64_t n_tokens);

// §2.2 item 2. o, z, y: [n_rows, n_cols] (a row per head: n_cols = dv); w: [n_cols], a plain weight.
// y = o / sqrt(mean(o^2) + eps) * w * silu(z); y may be o.
Status gated_rms_norm(vk::Sequence& seq, const vk::BufferSlice& o, const vk::BufferSlice& z, const vk::BufferSlice& w,
                      const vk::BufferSlice& y, uint64_t n_cols, float eps);

}  // namespace lectern::ops
