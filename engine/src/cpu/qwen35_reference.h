// qwen35_reference.h: the whole Qwen3.5 text model on the CPU in plain f32/f64 loops, one token at a time
// (recurrent delta rule, qwen35.md §2). Slow by design: it is the oracle the Vulkan model is compared with.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace lectern::cpu {

struct Qwen35RefConfig {
  int n_layer = 0;
  int n_embd = 0;
  int n_ff = 0;
  int n_head = 0;       // full-attention query heads
  int n_head_kv = 0;
  int head_dim = 0;
  int n_rot = 0;        // rotated dims per head (partial RoPE)
  double rope_theta = 1e7;
  std::array<int, 4> mrope_sections{};  // frequency pairs per position axis (T, H, W, extra)
  float rms_eps = 1e-6f;
  int conv_kernel = 4;
  int n_k_heads = 0;    // GDN q/k heads
  int n_v_heads = 0;    // GDN v heads
  int k_head_dim = 0;
  int v_head_dim = 0;
  std::vector<bool> layer_is_attention;  // [n_layer]: full attention (else Gated DeltaNet)
  int n_vocab = 0;      // embedding rows
  bool v_heads_tiled = false;  // GGUF order: v head j uses k head j % n_k_heads (qwen35.md §8.1.4)

  bool is_full_attention(int layer) const { return layer_is_attention[layer]; }
  int conv_channels() const { return 2 * n_k_heads * k_head_dim + n_v_heads * v_head_dim; }
  int k_head_for_v_head(int j) const {
    return v_heads_tiled ? j % n_k_heads : j / (n_v_heads / n_k_heads);
  }
};

// All matrices f32, row-major [out][in] (= GGUF ne [in, out]); canonical (GGUF) stored forms: zero-centred norms
// already hold (1 + w), ssm_a = -exp(A_log), conv1d is [channels][kernel].
struct Qwen35RefLayer {
  std::vector<float> attn_norm, post_attention_norm;           // [n_embd]
  std::vector<float> ffn_gate, ffn_up;                         // [n_ff][n_embd]
  std::vector<float> ffn_down;                                 // [n_embd][n_ff]
  // Gated DeltaNet layers
  std::vector<float> attn_qkv;                                 // [conv_channels][n_embd]
  std::vector<float> attn_gate;                                // [n_v_heads*v_head_dim][n_embd]
  std::vector<float> ssm_beta, ssm_alpha;                      // [n_v_heads][n_embd]
  std::vector<float> ssm_conv1d;                               // [conv_channels][conv_kernel]
  std::vector<float> ssm_dt_bias, ssm_a;                       // [n_v_heads]
  std::vector<float> ssm_norm;                                 // [v_head_dim]
  std::vector<float> ssm_out;                                  // [n_embd][n_v_heads*v_head_dim]
  // full-attention layers
  std::vector<float> attn_q;                                   // [n_head*2*head_dim][n_embd], per head [q | gate]
  std::vector<float> attn_k, attn_v;                           // [n_head_kv*head_dim][n_embd]
  std::vector<float> attn_q_norm, attn_k_norm;                 // [head_dim]
  std::vector<float> attn_output;                              // [n_embd][n_head*head_dim]
};

struct Qwen35RefWeights {
  Qwen35RefConfig config;
  std::vector<float> token_embd;   // [n_vocab][n_embd]; also the LM head when tied
  std::vector<float> output;       // [n_vocab][n_embd] when not tied, else empty
  std::vector<float> output_norm;  // [n_embd]
  std::vector<Qwen35RefLayer> layers;
};

// The per-sequence state: conv and delta-rule states for GDN layers, KV cache for attention layers.
class Qwen35Reference {
 public:
  explicit Qwen35Reference(const Qwen35RefWeights& weights);

  // Feeds one token at text position `pos` (all three M-RoPE components equal pos); returns its logits [n_vocab].
  std::vector<float> step(int32_t token, int64_t pos);
  // Same with explicit (T, H, W) positions (qwen35.md §7.7).
  std::vector<float> step(int32_t token, const std::array<int64_t, 3>& pos3);
  // Embedding rows may be replaced (vision); hidden [n_embd].
  std::vector<float> step_embedding(const std::vector<float>& hidden, const std::array<int64_t, 3>& pos3);
  // Feeds one token whose logits nobody reads: the state advances exactly as with step(), but the last layer only
  // updates its state (KV row or conv + delta states) and the LM head is skipped, since a token's last-layer output
  // reaches nothing but its own logits. Makes long prompts (100K+ tokens) affordable when the last layer is attention.
  void advance(int32_t token, const std::array<int64_t, 3>& pos3);

  void reset();

  // The per-sequence state as plain data, for snapshots and rewinding (runtime/cpu_backend.cpp).
  struct State {
    std::vector<std::vector<float>> conv, delta;      // per layer, as below
    std::vector<std::vector<float>> k_cache, v_cache;  // per layer; empty vectors when !has_kv
    bool has_kv = false;
  };
  // Copies the conv and delta states, and the KV caches when with_kv.
  State save_state(bool with_kv) const;
  // Replaces the conv and delta states, and the KV caches when state.has_kv (else the caches are kept).
  void restore_state(const State& state);
  // Drops KV rows from n_tokens on (rewinding; the GDN states must be restored separately).
  void truncate_kv(int64_t n_tokens);

 private:
  void gdn_layer(int il, const std::vector<float>& x, std::vector<float>& out);
  void attention_layer(int il, const std::vector<float>& x, const std::array<int64_t, 3>& pos3,
                       std::vector<float>& out);
  // The k and v rows of one token for attention layer il (k normed and rotated), appended to the KV cache.
  void store_kv(int il, const std::vector<float>& x, const std::array<int64_t, 3>& pos3);
  // The layers; with_logits false: the last layer only updates its state and no logits are returned.
  std::vector<float> forward(std::vector<float> x, const std::array<int64_t, 3>& pos3, bool with_logits);

  const Qwen35RefWeights& w_;
  std::vector<std::vector<float>> conv_state_;   // per layer: [conv_kernel-1][conv_channels]
  std::vector<std::vector<float>> delta_state_;  // per layer: [n_v_heads][k_head_dim][v_head_dim]
  std::vector<std::vector<float>> k_cache_;      // per layer: [n_tokens][n_head_kv*head_dim] (post norm + RoPE)
  std::vector<std::vector<float>> v_cache_;      // per layer: [n_tokens][n_head_kv*head_dim]
};

}  // namespace lectern::cpu
