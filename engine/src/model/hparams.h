// hparams.h: Qwen3.5 text-model hyperparameters, read from GGUF metadata (qwen35.*) or a HF config.json
// (text_config), with the consistency checks every later stage relies on.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "lectern/status.h"

namespace lectern::model {

class GgufFile;

enum class LayerType { GatedDeltaNet, FullAttention };

struct HParams {
  std::string architecture = "qwen35";  // GGUF general.architecture of the source (HF: mapped to qwen35)
  uint32_t n_layer = 0;        // main-pass decoder layers (GGUF: block_count - nextn_predict_layers)
  uint32_t n_nextn = 0;        // MTP layers shipped in the file (not run by the main pass)
  uint32_t n_embd = 0;
  uint32_t n_ff = 0;
  uint32_t n_head = 0;         // full-attention query heads
  uint32_t n_head_kv = 0;
  uint32_t head_dim = 0;       // GGUF attention.key_length; HF head_dim (never hidden / heads)
  uint32_t n_rot = 0;          // rotated dims per head (GGUF rope.dimension_count; HF partial_rotary_factor * head_dim)
  double rope_theta = 0;
  std::array<int32_t, 4> mrope_sections{};  // frequency pairs per position axis (T, H, W, extra)
  bool mrope_interleaved = true;
  float rms_eps = 0;
  uint32_t conv_kernel = 0;    // GDN causal conv width
  uint32_t n_k_heads = 0;      // GDN q/k heads (GGUF ssm.group_count)
  uint32_t n_v_heads = 0;      // GDN v heads (GGUF ssm.time_step_rank)
  uint32_t k_head_dim = 0;     // GGUF ssm.state_size
  uint32_t v_head_dim = 0;     // GGUF ssm.inner_size / time_step_rank
  uint32_t full_attention_interval = 0;  // 0 when the layer types were given explicitly and are not periodic
  std::vector<LayerType> layer_types;    // size n_layer
  uint32_t n_vocab = 0;        // embedding rows (from token_embd's shape, not from tokenizer metadata)
  uint64_t n_ctx_train = 0;    // GGUF context_length; HF max_position_embeddings
  bool tied_embeddings = true;

  bool is_full_attention(uint32_t layer) const { return layer_types[layer] == LayerType::FullAttention; }
  uint32_t n_full_attention_layers() const;
  uint32_t gdn_key_dim() const { return n_k_heads * k_head_dim; }     // q and k widths
  uint32_t gdn_value_dim() const { return n_v_heads * v_head_dim; }   // v and z widths
  uint32_t gdn_conv_channels() const { return 2 * gdn_key_dim() + gdn_value_dim(); }

  // Sanity of the numbers themselves (positive, divisible, rotary dims within the head...). CorruptData naming
  // the offending values.
  Status check() const;
};

// No Qwen3.5 model comes near this; a larger layer count is a corrupt file (and would allocate per layer).
inline constexpr uint32_t k_max_layers = 4096;

// GGUF: general.architecture must be "qwen35"; required keys missing -> NotFound naming the key.
// n_vocab and tied_embeddings are left for the caller (they come from the tensor directory).
Result<HParams> hparams_from_gguf(const GgufFile& gguf);

// HF config.json (Qwen3_5ForConditionalGeneration / qwen3_5 with text_config, or a flat qwen3_5_text config).
// n_vocab is vocab_size here; the caller checks it against embed_tokens.
Result<HParams> hparams_from_hf_config(const nlohmann::json& config);

// Layers per type, e.g. "GDN x6, attention x2 (layers 3, 7)".
std::string describe_layer_types(const HParams& hp);

}  // namespace lectern::model
