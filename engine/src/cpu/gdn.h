// gdn.h: CPU references for the Gated DeltaNet ops of qwen35.md §2.4 on whole batches of T tokens, in the layouts the
// model uses (the oracle for the gdn_* shaders): causal conv1d + SiLU with a carried state, per-head L2 norm of q/k,
// the gates, the multi-head gated delta rule over strided conv-output rows, and the gated RMSNorm of §2.2.
#pragma once

#include <cstddef>
#include <span>

#include "lectern/status.h"

namespace lectern::cpu {

// Head geometry of one GDN layer.
struct GdnDims {
  int n_k_heads = 0;           // Hk
  int n_v_heads = 0;           // Hv, a multiple of Hk
  int k_head_dim = 0;          // dk
  int v_head_dim = 0;          // dv
  bool v_heads_tiled = false;  // GGUF order: v head j uses k head j % Hk; HF (grouped): j / (Hv / Hk) (§2.4.6, §8.1.4)

  size_t conv_channels() const { return 2 * size_t(n_k_heads) * k_head_dim + size_t(n_v_heads) * v_head_dim; }
  int k_head_for_v_head(int j) const { return v_heads_tiled ? j % n_k_heads : j / (n_v_heads / n_k_heads); }
};

// §2.4.2. x: [T, C] raw mixed_qkv rows; w: [C, K] (GGUF ssm_conv1d, ne [K, C]; w[c][K-1] multiplies the current
// token); state: [K-1, C], the K-1 raw rows before x (zeros for a fresh sequence), replaced by the last K-1 raw rows
// of [state; x]. y: [T, C] = silu(conv). y must not alias x.
Status gdn_conv_silu(std::span<const float> x, std::span<const float> w, std::span<float> state, std::span<float> y,
                     size_t n_channels, size_t kernel);

// §2.4.3, in place on conv-output rows [T, C]: q heads (columns [0, Hk dk)) and k heads ([Hk dk, 2 Hk dk)) become
// x / sqrt(sum x^2 + 1e-6); q is then scaled by 1 / sqrt(dk). v is untouched.
Status gdn_l2_norm_qk(std::span<float> qkv, const GdnDims& dims);

// §2.4.4. b, a: [T, Hv]; dt_bias, ssm_a: [Hv] (ssm_a = -exp(A_log)). beta = sigmoid(b), g = ssm_a * softplus(a + dt_bias).
Status gdn_gates(std::span<const float> b, std::span<const float> a, std::span<const float> dt_bias,
                 std::span<const float> ssm_a, std::span<float> beta, std::span<float> g, size_t n_v_heads);

// §2.4.5 / §2.4.7 for all v heads. qkv: [T, C] conv output after gdn_l2_norm_qk (q, k, v read from each row);
// g, beta: [T, Hv]; state: [Hv, dk, dv], updated in place; o: [T, Hv dv]. `chunked` selects cpu::delta_rule_chunked
// (chunks of 64) instead of the token-by-token recurrence.
Status gdn_delta_rule(std::span<const float> qkv, std::span<const float> g, std::span<const float> beta,
                      std::span<float> state, std::span<float> o, const GdnDims& dims, bool chunked);

// §2.2 item 2. o, z, y: [n_rows, n_cols] (rows are heads); w: [n_cols].
// y = o / sqrt(mean(o^2) + eps) * w * silu(z). y may alias o.
Status gated_rms_norm(std::span<const float> o, std::span<const float> z, std::span<const float> w, std::span<float> y,
                      size_t n_cols, float eps);

}  // namespace lectern::cpu
