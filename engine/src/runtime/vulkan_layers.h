// vulkan_layers.h: recording one forward pass of the Qwen3.5 text model (qwen35.md §2) into a vk::Sequence: the
// activation buffers of a batch, the per-sequence device state, and the layer recorders (GDN, gated attention,
// SwiGLU MLP, final norm + LM head).
#pragma once

#include <cstdint>
#include <vector>

#include "lectern/status.h"
#include "ops/attention.h"
#include "runtime/model_backend.h"
#include "runtime/vulkan_model.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Sequence;
}

namespace lectern::runtime {

// Activations of up to n_batch tokens (f32 unless noted), reused by every layer and every evaluation.
struct Activations {
  int32_t n_batch = 0;
  int32_t n_logit_rows = 0;
  vk::Buffer ids;        // u32 [B]
  vk::Buffer positions;  // i32 [B, 3] (T, H, W)
  vk::Buffer x;          // [B, n_embd] residual stream
  vk::Buffer normed;     // [B, n_embd] normed input of a block
  vk::Buffer mixed;      // [B, n_embd] output of a block before the residual add
  // Gated DeltaNet
  vk::Buffer qkv_raw, qkv;     // [B, C] projection, conv output (q, k l2-normed in place)
  vk::Buffer z, o;             // [B, Hv dv]
  vk::Buffer b, a, beta, g;    // [B, Hv]
  vk::Buffer chunk_scratch;    // delta_rule_chunked scratch (invalid when chunked is never used)
  // Gated attention
  vk::Buffer qg;               // [B, n_head, 2, head_dim]: per head query | gate
  vk::Buffer k, v;             // [B, n_head_kv * head_dim]
  vk::Buffer attn_out;         // [B, n_head * head_dim]
  vk::Buffer attn_scratch;     // split-attention partials (invalid when none are needed)
  // MLP
  vk::Buffer ffn_g, ffn_u;     // [B, n_ff]
  vk::Buffer logits;           // [n_logit_rows, n_vocab]
  vk::Buffer xq;               // one token's product input, int8-quantised (ops/matvec_q8.h; DotProduct mode only)
  uint64_t n_bytes = 0;
  // Embedding overrides of the current part (vision rows, qwen35.md §7.6), set by the sequence before
  // record_forward: rows [first, first + n) of x take rows [src_first, src_first + n) of `overrides` right after the
  // token embedding. `overrides` ([n_batch, n_embd]) is allocated on first use, outside the memory plan's n_bytes.
  struct EmbeddingRun {
    uint32_t first, src_first, n;
  };
  std::vector<EmbeddingRun> embedding_runs;
  vk::Buffer overrides;
};

// The recurrent and attention state of one sequence.
struct SequenceBuffers {
  std::vector<vk::Buffer> conv;    // per layer (invalid for attention layers): [K-1, C]
  std::vector<vk::Buffer> delta;   // per layer (invalid for attention layers): [Hv, dk, dv]
  std::vector<ops::KvCache> kv;    // per layer (empty caches for GDN layers)
  std::vector<bool> has_kv;        // per layer
  uint64_t n_bytes = 0;
};

Result<SequenceBuffers> create_sequence_buffers(const VulkanModel& m, int64_t n_ctx);
// Scratch for batches of up to n_batch tokens; attention scratch sized against `state`'s caches.
Result<Activations> create_activations(const VulkanModel& m, const SequenceBuffers& state, int32_t n_batch);

// One batch of n_tokens already uploaded to act.ids / act.positions, at cache positions [n_past, n_past + n).
// Records embedding, every layer, the final norm and the LM head for the requested rows (Last: the batch's last
// row into logits row 0; All: every row, n_tokens <= n_logit_rows; None: no LM head).
Status record_forward(vk::Sequence& seq, const VulkanModel& m, Activations& act, SequenceBuffers& state,
                      uint64_t n_tokens, uint64_t n_past, LogitsMode logits);

}  // namespace lectern::runtime
