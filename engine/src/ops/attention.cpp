// attention.cpp: KV-cache blocks, kv_store dispatch, and the launch plan of flash attention (tile shape from the
// device's shared memory, context splits for decode, per-block dispatches and the split merge).
#include "ops/attention.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#include "ops/kernel_config.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/pipeline.h"

namespace lectern::ops {

namespace {

constexpr uint32_t k_max_tile_rows = 16;    // BR cap: 16 rows = 4 tokens x 4 query heads of Qwen3.5
constexpr uint64_t k_target_groups = 128;   // split the context until about this many workgroups run
constexpr uint64_t k_min_split_keys = 256;  // ... but give each split at least this many keys
constexpr uint32_t k_combine_wg = 64;
constexpr uint32_t k_max_head_dim = 512;

uint32_t elem_bytes(DType dtype) { return dtype == DType::F16 ? 2 : 4; }

uint64_t ceil_div(uint64_t a, uint64_t b) { return (a + b - 1) / b; }

// attn_flash.comp's specialisation: workgroup size (= keys per tile), query rows, output dim pairs per invocation.
struct TileShape {
  uint32_t wg, br, np;
};

// One invocation per pair of output dims (at least one subgroup-sized 32, at most the 128 every device allows),
// then the most query rows (up to the rows there are, at most 16) whose queries, probabilities and reduction
// buffer fit the device's shared memory: 4 * br * (head_dim + 2 * wg) bytes (16 KiB, the guaranteed minimum, holds
// 8 rows of 256 dims; lavapipe's 32 KiB all 16).
Result<TileShape> tile_shape(const vk::Device& device, uint32_t head_dim, uint64_t rows_per_kv_head) {
  const uint64_t limit = device.limits().max_shared_memory_bytes;
  const uint32_t wg = std::clamp<uint32_t>(std::bit_ceil(std::max<uint32_t>(1, head_dim / 2)), 32, 128);
  uint32_t br = static_cast<uint32_t>(std::bit_ceil(std::clamp<uint64_t>(rows_per_kv_head, 1, k_max_tile_rows)));
  for (; br >= 1; br /= 2) {
    if (4ull * br * (head_dim + 2ull * wg) <= limit) return TileShape{wg, br, (head_dim / 2 + wg - 1) / wg};
  }
  return Status(ErrorCode::Unsupported, "attention: head_dim " + std::to_string(head_dim) + " needs more than the " +
                                            vk::format_bytes(limit) + " of shared memory this device offers");
}

// attn_flash.comp's push constants.
struct FlashPush {
  uint32_t n_tokens, n_head, n_head_kv, q_pos0, n_keys, block_first, chunk_keys, split_first, n_splits_here, n_splits,
      finalize;
  float scale;
};

struct Plan {
  TileShape tile;
  uint64_t chunk_keys = 0;  // keys per split; a power of two dividing block_tokens when the cache has several blocks
  uint64_t n_splits = 0;
};

uint64_t row_tile_groups(const KvCache& cache, uint32_t n_head, uint64_t n_tokens, const TileShape& tile) {
  const uint64_t n_rep = n_head / cache.n_head_kv();
  return ceil_div(n_tokens * n_rep, tile.br) * cache.n_head_kv();
}

// Workgroups without a split fill the device (prefill): split only at cache blocks. Otherwise (decode, short
// prompts) split the keys until about k_target_groups workgroups run, each with at least k_min_split_keys keys.
// Either way n_splits <= max(desired, n_blocks), which attention_scratch_bytes relies on.
Result<Plan> make_plan(const vk::Device& device, const KvCache& cache, uint32_t n_head, uint64_t n_tokens,
                       uint64_t n_keys) {
  Plan plan;
  LECTERN_ASSIGN_OR_RETURN(plan.tile,
                           tile_shape(device, cache.head_dim(), n_tokens * (n_head / cache.n_head_kv())));
  const uint64_t groups = row_tile_groups(cache, n_head, n_tokens, plan.tile);
  uint64_t chunk = cache.block_tokens();
  if (groups < k_target_groups) {
    const uint64_t desired = ceil_div(k_target_groups, groups);
    chunk = std::max(k_min_split_keys, std::bit_ceil(ceil_div(n_keys, desired)));
    if (cache.n_blocks() > 1) chunk = std::min(chunk, cache.block_tokens());
  }
  plan.chunk_keys = std::min(chunk, std::bit_ceil(n_keys));
  plan.n_splits = ceil_div(n_keys, plan.chunk_keys);
  return plan;
}

uint64_t partial_row_bytes(const KvCache& cache, uint32_t n_head, uint64_t n_splits) {
  return n_splits * n_head * (uint64_t{cache.head_dim()} + 2) * 4;  // per token: o and (m, l) of every split
}

Status check_heads(const KvCache& cache, uint32_t n_head) {
  if (n_head == 0 || n_head % cache.n_head_kv() != 0) {
    return Status(ErrorCode::InvalidArgument, "attention: n_head " + std::to_string(n_head) +
                                                  " must be a positive multiple of the cache's n_head_kv " +
                                                  std::to_string(cache.n_head_kv()));
  }
  return Status::ok();
}

}  // namespace

uint64_t kv_token_bytes(DType dtype, uint32_t n_head_kv, uint32_t head_dim) {
  const uint64_t n = uint64_t{n_head_kv} * head_dim;
  return dtype == DType::Q8_0 ? n / 32 * 36 : n * elem_bytes(dtype);
}

uint64_t KvCache::token_bytes() const { return kv_token_bytes(dtype_, n_head_kv_, head_dim_); }

Result<KvCache> KvCache::create(const vk::Device& device, DType dtype, uint64_t n_ctx, uint32_t n_head_kv,
                                uint32_t head_dim, std::string name, uint64_t max_block_tokens) {
  if (dtype != DType::F16 && dtype != DType::F32 && dtype != DType::Q8_0) {
    return Status(ErrorCode::Unsupported, "kv cache '" + name + "': type " + dtype_name(dtype) +
                                              " is not supported (f16, q8_0 or f32)");
  }
  if (dtype == DType::Q8_0 && head_dim % 32 != 0) {
    return Status(ErrorCode::InvalidArgument, "kv cache '" + name + "': a q8_0 cache needs head_dim to be a multiple "
                                              "of 32 (got " + std::to_string(head_dim) + "); use f16");
  }
  if (n_ctx == 0 || n_ctx > (uint64_t{1} << 31) || n_head_kv == 0 || head_dim == 0 || head_dim % 4 != 0 ||
      head_dim > k_max_head_dim) {
    return Status(ErrorCode::InvalidArgument, "kv cache '" + name + "': n_ctx " + std::to_string(n_ctx) +
                                                  " (1 .. 2^31), n_head_kv " + std::to_string(n_head_kv) +
                                                  " (> 0), head_dim " + std::to_string(head_dim) +
                                                  " (a multiple of 4, at most 512) out of range");
  }
  KvCache cache;
  cache.dtype_ = dtype;
  cache.n_ctx_ = n_ctx;
  cache.n_head_kv_ = n_head_kv;
  cache.head_dim_ = head_dim;
  cache.name_ = std::move(name);
  const uint64_t token_bytes = cache.token_bytes();
  const uint64_t limit = std::min(device.limits().max_binding_bytes, device.limits().max_allocation_bytes);
  uint64_t fits = limit / token_bytes;
  if (max_block_tokens != 0) fits = std::min(fits, max_block_tokens);
  if (fits == 0) {
    return Status(ErrorCode::Unsupported, "kv cache '" + cache.name_ + "': one position (" +
                                              vk::format_bytes(token_bytes) + ") exceeds one storage-buffer binding (" +
                                              vk::format_bytes(limit) + ")");
  }
  // One block when everything fits; else power-of-two blocks so attention splits never straddle two.
  cache.block_tokens_ = n_ctx <= fits ? n_ctx : std::bit_floor(fits);
  for (uint64_t first = 0; first < n_ctx; first += cache.block_tokens_) {
    const uint64_t bytes = std::min(cache.block_tokens_, n_ctx - first) * token_bytes;
    const std::string index = std::to_string(cache.k_.size());
    LECTERN_ASSIGN_OR_RETURN(vk::Buffer k, vk::Buffer::create(device, bytes, vk::MemoryUsage::DeviceLocal,
                                                              cache.name_ + ".k." + index));
    LECTERN_ASSIGN_OR_RETURN(vk::Buffer v, vk::Buffer::create(device, bytes, vk::MemoryUsage::DeviceLocal,
                                                              cache.name_ + ".v." + index));
    cache.k_.push_back(std::move(k));
    cache.v_.push_back(std::move(v));
  }
  return cache;
}

Status kv_store(vk::Sequence& seq, const KvCache& cache, const vk::BufferSlice& k, const vk::BufferSlice& v,
                uint64_t n_past) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_k, f32_count(k, "kv_store", "k"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_v, f32_count(v, "kv_store", "v"));
  const uint64_t row = uint64_t{cache.n_head_kv()} * cache.head_dim();
  const uint64_t n_tokens = n_k / row;
  if (n_k % row != 0 || n_v != n_k) {
    return Status(ErrorCode::InvalidArgument,
                  "kv_store into '" + cache.name() + "': k and v need equal whole rows of " + std::to_string(row) +
                      " floats; got k " + std::to_string(n_k) + ", v " + std::to_string(n_v));
  }
  if (n_past + n_tokens > cache.n_ctx()) {
    return Status(ErrorCode::InvalidArgument, "kv_store into '" + cache.name() + "': positions " +
                                                  std::to_string(n_past) + " .. " + std::to_string(n_past + n_tokens) +
                                                  " exceed the cache's n_ctx " + std::to_string(cache.n_ctx()) +
                                                  "; create a larger cache");
  }
  vk::Device& device = seq.device();
  const uint32_t wg = kernel_config(device).elementwise_wg;
  uint32_t spec[] = {wg};
  const bool q8 = cache.dtype() == DType::Q8_0;
  const char* shader = q8 ? "attn_kv_store_f32_q8_0"
                          : cache.dtype() == DType::F16 ? "attn_kv_store_f32_f16" : "attn_kv_store_f32_f32";
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 4, 12, spec}));
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {row * 4}, n_tokens, 1, "kv_store"));
  const uint64_t quads = q8 ? row / 32 : row / 4;  // units of the shader: groups of 4 values (q8_0: of 32)
  for (uint64_t t0 = 0; t0 < n_tokens; t0 += chunk) {
    const uint64_t tokens = std::min(chunk, n_tokens - t0);
    const vk::BufferSlice k_part = sub_slice(k, t0 * row * 4, tokens * row * 4);
    const vk::BufferSlice v_part = sub_slice(v, t0 * row * 4, tokens * row * 4);
    const uint64_t pos_begin = n_past + t0, pos_end = pos_begin + tokens;
    for (size_t b = pos_begin / cache.block_tokens(); b < cache.n_blocks(); ++b) {
      const uint64_t block_first = b * cache.block_tokens();
      if (block_first >= pos_end) break;
      const uint64_t a = std::max(pos_begin, block_first);
      const uint64_t e = std::min(pos_end, block_first + cache.block_tokens());
      struct {
        uint32_t n_quads, src_offset, dst_offset;
      } push{static_cast<uint32_t>((e - a) * quads), static_cast<uint32_t>((a - pos_begin) * quads),
             static_cast<uint32_t>((a - block_first) * quads)};
      vk::Binding bindings[] = {{k_part, vk::Access::Read},
                                {v_part, vk::Access::Read},
                                {cache.k_block(b).whole(), vk::Access::Write},
                                {cache.v_block(b).whole(), vk::Access::Write}};
      const uint64_t groups = std::min<uint64_t>(ceil_div(push.n_quads, wg), device.limits().max_group_count[0]);
      const std::array<uint32_t, 3> grid{static_cast<uint32_t>(std::max<uint64_t>(1, groups)), 1, 1};
      LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, grid));
    }
  }
  return Status::ok();
}

Status attention(vk::Sequence& seq, const vk::BufferSlice& qg, const KvCache& cache, uint64_t n_past,
                 uint32_t n_head, float scale, const vk::BufferSlice& out, const vk::BufferSlice& scratch) {
  LECTERN_TRY(check_heads(cache, n_head));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_qg, f32_count(qg, "attention", "qg"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_out, f32_count(out, "attention", "out"));
  const uint64_t hd = cache.head_dim();
  const uint64_t q_row = uint64_t{n_head} * 2 * hd, out_row = uint64_t{n_head} * hd;
  const uint64_t n_tokens = n_qg / q_row;
  if (n_qg % q_row != 0 || n_out != n_tokens * out_row) {
    return Status(ErrorCode::InvalidArgument, "attention: qg must hold whole rows of n_head * 2 * head_dim = " +
                                                  std::to_string(q_row) + " floats and out " +
                                                  std::to_string(out_row) + " per token; got qg " +
                                                  std::to_string(n_qg) + ", out " + std::to_string(n_out));
  }
  const uint64_t n_keys = n_past + n_tokens;
  if (n_keys > cache.n_ctx()) {
    return Status(ErrorCode::InvalidArgument, "attention: positions up to " + std::to_string(n_keys) +
                                                  " exceed the n_ctx " + std::to_string(cache.n_ctx()) + " of '" +
                                                  cache.name() + "'");
  }
  if (!std::isfinite(scale)) return Status(ErrorCode::InvalidArgument, "attention: scale must be finite");

  vk::Device& device = seq.device();
  LECTERN_ASSIGN_OR_RETURN(Plan plan, make_plan(device, cache, n_head, n_tokens, n_keys));
  const uint64_t part_row = plan.n_splits > 1 ? partial_row_bytes(cache, n_head, plan.n_splits) : 0;
  uint64_t chunk = 0;
  if (part_row > 0) {
    LECTERN_ASSIGN_OR_RETURN(chunk, items_per_chunk(device, {q_row * 4, out_row * 4, part_row}, n_tokens, 1,
                                                    "attention"));
    const uint64_t need = chunk * part_row;
    if (scratch.buffer == nullptr || scratch.size < need) {
      return Status(ErrorCode::InvalidArgument, "attention: needs " + std::to_string(need) + " bytes of scratch for " +
                                                    std::to_string(plan.n_splits) + " context splits, got " +
                                                    std::to_string(scratch.buffer ? scratch.size : 0) +
                                                    "; size it with attention_scratch_bytes");
    }
  } else {
    LECTERN_ASSIGN_OR_RETURN(chunk, items_per_chunk(device, {q_row * 4, out_row * 4}, n_tokens, 1, "attention"));
  }
  LECTERN_TRY(check_u32(chunk * q_row, "attention", "q elements per dispatch"));

  const TileShape& t = plan.tile;
  uint32_t spec[] = {t.wg, static_cast<uint32_t>(hd), t.br, t.np};
  const char* variant = cache.dtype() == DType::Q8_0  ? "attn_q8_0_f32"
                        : cache.dtype() == DType::F16 ? "attn_f16_f32"
                                                      : "attn_f32_f32";
  const std::string shader = reduction_shader(device, variant);
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* flash, device.pipelines().get({shader, 5, sizeof(FlashPush), spec}));
  uint32_t combine_spec[] = {k_combine_wg};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* combine,
                           device.pipelines().get({"attn_combine_f32", 3, 12, combine_spec}));
  const auto& max_groups = device.limits().max_group_count;
  const uint64_t n_rep = n_head / cache.n_head_kv();

  for (uint64_t t0 = 0; t0 < n_tokens; t0 += chunk) {
    const uint64_t tokens = std::min(chunk, n_tokens - t0);
    const vk::BufferSlice q_part = sub_slice(qg, t0 * q_row * 4, tokens * q_row * 4);
    const vk::BufferSlice o_part = sub_slice(out, t0 * out_row * 4, tokens * out_row * 4);
    const uint64_t keys = n_past + t0 + tokens;  // visible to this chunk's last token
    const uint64_t n_splits = ceil_div(keys, plan.chunk_keys);
    const bool finalize = n_splits == 1;
    const vk::BufferSlice part =
        finalize ? o_part : sub_slice(scratch, 0, tokens * partial_row_bytes(cache, n_head, n_splits));
    const uint64_t n_tiles = ceil_div(tokens * n_rep, t.br);
    for (size_t b = 0; b < cache.n_blocks(); ++b) {
      const uint64_t block_first = b * cache.block_tokens();
      if (block_first >= keys) break;
      const uint64_t block_end = std::min(block_first + cache.block_tokens(), keys);
      const uint64_t split_first = block_first / plan.chunk_keys;
      const uint64_t split_end = std::min(n_splits, ceil_div(block_end, plan.chunk_keys));
      if (split_end <= split_first) continue;
      FlashPush push{};
      push.n_tokens = static_cast<uint32_t>(tokens);
      push.n_head = n_head;
      push.n_head_kv = cache.n_head_kv();
      push.q_pos0 = static_cast<uint32_t>(n_past + t0);
      push.n_keys = static_cast<uint32_t>(keys);
      push.block_first = static_cast<uint32_t>(block_first);
      push.chunk_keys = static_cast<uint32_t>(plan.chunk_keys);
      push.split_first = static_cast<uint32_t>(split_first);
      push.n_splits_here = static_cast<uint32_t>(split_end - split_first);
      push.n_splits = static_cast<uint32_t>(n_splits);
      push.finalize = finalize ? 1 : 0;
      push.scale = scale;
      vk::Binding bindings[] = {{q_part, vk::Access::Read},
                                {cache.k_block(b).whole(), vk::Access::Read},
                                {cache.v_block(b).whole(), vk::Access::Read},
                                {o_part, vk::Access::Write},
                                {part, vk::Access::Write}};
      LECTERN_TRY(seq.dispatch(*flash, bindings, push,
                               vk::split_groups(n_tiles * cache.n_head_kv() * (split_end - split_first), max_groups)));
    }
    if (!finalize) {
      struct {
        uint32_t n_rows, head_dim, n_splits;
      } push{static_cast<uint32_t>(tokens * n_head), static_cast<uint32_t>(hd), static_cast<uint32_t>(n_splits)};
      vk::Binding bindings[] = {{part, vk::Access::Read}, {q_part, vk::Access::Read}, {o_part, vk::Access::Write}};
      LECTERN_TRY(seq.dispatch(*combine, bindings, push, vk::split_groups(tokens * n_head, max_groups)));
    }
  }
  return Status::ok();
}

Result<uint64_t> attention_scratch_bytes(const vk::Device& device, const KvCache& cache, uint32_t n_head,
                                         uint64_t max_tokens) {
  LECTERN_TRY(check_heads(cache, n_head));
  const uint64_t n_rep = n_head / cache.n_head_kv();
  const uint64_t limit = device.limits().max_binding_bytes;
  uint64_t best = 0;
  // Per token count T, any call needs at most min(T * row, one binding) with row for max(desired(T), n_blocks)
  // splits (see make_plan); desired(T) only matters while T is small, so the loop ends early.
  for (uint64_t tokens = 1; tokens <= max_tokens; ++tokens) {
    LECTERN_ASSIGN_OR_RETURN(TileShape tile, tile_shape(device, cache.head_dim(), tokens * n_rep));
    const uint64_t groups = row_tile_groups(cache, n_head, tokens, tile);
    const bool saturated = groups >= k_target_groups;
    const uint64_t splits = std::max<uint64_t>(saturated ? 1 : ceil_div(k_target_groups, groups), cache.n_blocks());
    const uint64_t t = saturated ? max_tokens : tokens;
    if (splits > 1) best = std::max(best, std::min(t * partial_row_bytes(cache, n_head, splits), limit));
    if (saturated) break;
  }
  return best;
}

}  // namespace lectern::ops
