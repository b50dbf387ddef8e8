// model_info.h: a plain summary of a Qwen3.5 model on disk (GGUF file or HuggingFace folder): format, every
// hyperparameter, tensor counts and bytes by type, tokenizer, chat template and a memory estimate for a context.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lectern/status.h"

namespace lectern {

struct ModelTensorGroup {
  std::string dtype;  // "f32", "bf16", "q4_k", ...
  uint64_t n_tensors = 0;
  uint64_t n_elements = 0;
  uint64_t n_bytes = 0;
};

struct ModelInfo {
  std::string path;
  std::string format;        // "GGUF v3" or "HF folder"
  std::string architecture;  // "qwen35"

  // Hyperparameters (qwen35.md §1).
  uint32_t n_layer = 0, n_nextn = 0, n_embd = 0, n_ff = 0;
  uint32_t n_head = 0, n_head_kv = 0, head_dim = 0, n_rot = 0;
  double rope_theta = 0;
  std::array<int32_t, 4> mrope_sections{};
  float rms_eps = 0;
  uint32_t conv_kernel = 0, n_k_heads = 0, n_v_heads = 0, k_head_dim = 0, v_head_dim = 0;
  uint32_t full_attention_interval = 0;        // 0 when layer types were explicit and not periodic
  std::vector<uint32_t> full_attention_layers;  // indices of the full-attention layers
  uint32_t n_vocab = 0;                        // embedding rows
  uint64_t n_ctx_train = 0;
  bool tied_embeddings = true;
  bool v_heads_tiled = false;  // GGUF v-head order (qwen35.md §8.1.4)

  // Main-pass tensors, as stored.
  std::vector<ModelTensorGroup> tensors_by_dtype;
  uint64_t n_tensors = 0, n_params = 0, weight_bytes = 0;
  uint64_t n_skipped_mtp = 0, n_skipped_vision = 0, skipped_bytes = 0;
  std::vector<std::string> warnings;

  // Tokenizer.
  std::string tokenizer_model;  // "gpt2" (GGUF) / "BPE" (tokenizer.json)
  std::string tokenizer_pre;    // GGUF tokenizer.ggml.pre, or the pre-tokenizer regex family of tokenizer.json
  uint32_t tokenizer_vocab = 0;  // entries incl. added tokens (GGUF: incl. padding entries)
  uint32_t tokenizer_merges = 0;
  std::optional<int32_t> eos_id, pad_id, bos_id;
  std::string eos_token;
  bool has_chat_template = false;
  uint64_t chat_template_length = 0;  // bytes

  // Memory estimate (qwen35.md §3): weights + f16 KV cache of the full-attention layers for `context` tokens +
  // the fixed f32 Gated DeltaNet state (conv + recurrent) of one sequence.
  uint64_t context = 0;
  uint64_t kv_bytes_per_token = 0;
  uint64_t kv_bytes = 0;
  uint64_t recurrent_state_bytes = 0;
  uint64_t total_bytes = 0;
};

// Opens, reconciles and validates the model (any problem fails with its message) and summarises it.
Result<ModelInfo> inspect_model(const std::string& path, uint64_t context = 4096);

}  // namespace lectern
