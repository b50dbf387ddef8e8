// attention.h: host side of the gated full-attention ops (qwen35.md §2.5.4-5, §3): a layer's KV cache on the
// device (split into blocks that each fit one storage-buffer binding), storing new k/v rows into it, and causal GQA
// flash attention with the sigmoid output gate (decode splits the context across workgroups and merges).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/dtype.h"
#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Device;
class Sequence;
}  // namespace lectern::vk

namespace lectern::ops {

// K and V of one attention layer, each [n_ctx, n_head_kv, head_dim] in f16 (default: 12 KiB per token for
// Qwen3.5-0.8B, 3 GiB at 262,144 tokens), q8_0 (8-bit quants + an f32 scale per 32 values: 6.75 KiB per token,
// 1.7 GiB at 262,144) or f32. Positions are cut into blocks of block_tokens() consecutive
// positions, one K and one V buffer per block, each at most the device's per-binding and per-allocation limits:
// a cache that fits is one block; a larger one uses a power-of-two block size (lavapipe, 128 MiB per binding:
// 131,072 f16 positions of Qwen3.5 per block). Kernels bind one block at a time.
class KvCache {
 public:
  // head_dim must be a multiple of 4 and at most 512 (the attention kernel keeps a head row in registers/shared
  // memory); dtype F16, F32 or Q8_0 (head_dim a multiple of 32). Contents start undefined; only positions written by kv_store are ever read.
  // max_block_tokens (0: no cap) lowers the block size, for tests of the multi-block path.
  static Result<KvCache> create(const vk::Device& device, DType dtype, uint64_t n_ctx, uint32_t n_head_kv,
                                uint32_t head_dim, std::string name, uint64_t max_block_tokens = 0);

  DType dtype() const { return dtype_; }
  uint64_t n_ctx() const { return n_ctx_; }
  uint32_t n_head_kv() const { return n_head_kv_; }
  uint32_t head_dim() const { return head_dim_; }
  uint64_t token_bytes() const;  // one position of K (or of V)
  uint64_t block_tokens() const { return block_tokens_; }
  size_t n_blocks() const { return k_.size(); }
  // Block b holds positions [b * block_tokens, min((b + 1) * block_tokens, n_ctx)).
  const vk::Buffer& k_block(size_t b) const { return k_[b]; }
  const vk::Buffer& v_block(size_t b) const { return v_[b]; }
  const std::string& name() const { return name_; }

 private:
  DType dtype_ = DType::F16;
  uint64_t n_ctx_ = 0;
  uint32_t n_head_kv_ = 0;
  uint32_t head_dim_ = 0;
  uint64_t block_tokens_ = 0;
  std::vector<vk::Buffer> k_, v_;
  std::string name_;
};

// Bytes of one position of K (or V) with n_head_kv heads of head_dim in a cache of `dtype`: F32 4 and F16 2 bytes
// per value; Q8_0 9 32-bit words per 32 values (8 words of int8 quants, then the f32 scale), 1.125 bytes per value.
uint64_t kv_token_bytes(DType dtype, uint32_t n_head_kv, uint32_t head_dim);

// Writes k and v of T new tokens (f32 [T, n_head_kv * head_dim]; k already normed and rotated, §2.5.3) to cache
// positions [n_past, n_past + T), converting to the cache type (f16: packHalf2x16, which rounds to nearest on every
// driver tested). One dispatch per cache block touched.
Status kv_store(vk::Sequence& seq, const KvCache& cache, const vk::BufferSlice& k, const vk::BufferSlice& v,
                uint64_t n_past);

// out[t, h, :] = sum_j softmax_j(scale * q[t, h] . K[j, g]) V[j, g] * sigmoid(gate[t, h, :]) over cache positions
// j <= n_past + t (causal), g = h / (n_head / n_head_kv); softmax and accumulation in f32.
//   qg:  f32 [T, n_head, 2, head_dim], the q projection output after head_norm_rope on the query halves (§2.5.1)
//   out: f32 [T, n_head * head_dim]
//   scratch: f32 space for per-split partial results when the context is split across workgroups (decode) or
//     cache blocks; size it with attention_scratch_bytes (an empty slice is fine when that returns 0).
// The cache must already hold positions [0, n_past + T) (kv_store the new tokens first).
Status attention(vk::Sequence& seq, const vk::BufferSlice& qg, const KvCache& cache, uint64_t n_past,
                 uint32_t n_head, float scale, const vk::BufferSlice& out, const vk::BufferSlice& scratch);

// Bytes of scratch enough for every attention() call on `cache` with n_head query heads and at most max_tokens
// new tokens (any n_past the cache allows). 0 when no call can need any.
Result<uint64_t> attention_scratch_bytes(const vk::Device& device, const KvCache& cache, uint32_t n_head,
                                         uint64_t max_tokens);

}  // namespace lectern::ops
