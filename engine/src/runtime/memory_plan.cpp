// memory_plan.cpp: device-memory arithmetic of the Vulkan backend (see memory_plan.h) and the out-of-memory message.
#include "runtime/memory_plan.h"

#include <algorithm>

#include "ops/attention.h"
#include "vk/memory.h"

namespace lectern::runtime {
namespace {

constexpr uint64_t k_max_logit_bytes = 64ull << 20;
constexpr uint64_t k_chunk = 64;  // delta_rule_chunked's chunk length (qwen35.md §2.4.7)

uint64_t n_attention_layers(const model::HParams& hp) {
  return static_cast<uint64_t>(std::count(hp.layer_types.begin(), hp.layer_types.end(), model::LayerType::FullAttention));
}

}  // namespace

int32_t logit_rows_for(const model::HParams& hp, int32_t n_batch) {
  const uint64_t row = std::max<uint64_t>(1, uint64_t{hp.n_vocab} * 4);
  const uint64_t cap = std::max<uint64_t>(1, k_max_logit_bytes / row);
  return static_cast<int32_t>(std::min<uint64_t>(cap, static_cast<uint64_t>(std::max(n_batch, 1))));
}

ActivationWidths activation_widths(const model::HParams& hp) {
  ActivationWidths w;
  w.embd = hp.n_embd;
  w.ff = hp.n_ff;
  w.conv = 2ull * hp.n_k_heads * hp.k_head_dim + uint64_t{hp.n_v_heads} * hp.v_head_dim;
  w.gdn_z = uint64_t{hp.n_v_heads} * hp.v_head_dim;
  w.gdn_heads = hp.n_v_heads;
  w.q = 2ull * hp.n_head * hp.head_dim;
  w.kv = uint64_t{hp.n_head_kv} * hp.head_dim;
  w.attn = uint64_t{hp.n_head} * hp.head_dim;
  return w;
}

SequencePlan plan_sequence(const PlanShape& shape, int64_t n_ctx, int32_t n_batch) {
  const model::HParams& hp = shape.hp;
  SequencePlan p;
  p.n_ctx = n_ctx;
  p.n_batch = static_cast<int32_t>(std::max<int64_t>(1, std::min<int64_t>(n_batch, n_ctx)));
  p.n_logit_rows = logit_rows_for(hp, p.n_batch);
  const uint64_t n_attn = n_attention_layers(hp), n_gdn = hp.n_layer - n_attn;
  const ActivationWidths w = activation_widths(hp);
  const uint64_t B = static_cast<uint64_t>(p.n_batch);

  const uint64_t kv_token_bytes = ops::kv_token_bytes(shape.kv_type, hp.n_head_kv, hp.head_dim);
  p.kv_bytes = n_attn * 2 * static_cast<uint64_t>(n_ctx) * kv_token_bytes;  // K and V
  p.state_bytes = n_gdn * (uint64_t{hp.conv_kernel > 0 ? hp.conv_kernel - 1 : 0} * w.conv +
                           uint64_t{hp.n_v_heads} * hp.k_head_dim * hp.v_head_dim) * 4;
  // Per token: x, the normed x, a layer output; GDN qkv + conv output, z, b, a, beta, g, o; attention q|gate, k, v,
  // output; MLP gate and up; ids and (T, H, W) positions.
  const uint64_t per_token = 3 * w.embd + 2 * w.conv + 2 * w.gdn_z + 4 * w.gdn_heads + w.q + 2 * w.kv + w.attn +
                             2 * w.ff + 4;
  p.activation_bytes = B * per_token * 4 + static_cast<uint64_t>(p.n_logit_rows) * hp.n_vocab * 4;
  // Chunked delta rule: W and U of every chunk (ops/gdn.h), capped by one binding each.
  const uint64_t rows = (B + k_chunk - 1) / k_chunk * k_chunk;
  const uint64_t chunk_scratch =
      std::min(uint64_t{hp.n_v_heads} * rows * hp.k_head_dim * 4, shape.max_binding_bytes) +
      std::min(uint64_t{hp.n_v_heads} * rows * hp.v_head_dim * 4, shape.max_binding_bytes);
  // Split attention partials (ops/attention.h): per split and query row, head_dim outputs plus (max, sum). Splits
  // times tokens stay below ~4096 / n_head while the context is split for parallelism, or n_batch times the cache
  // blocks when the cache spans several bindings.
  const uint64_t kv_block_bytes = static_cast<uint64_t>(n_ctx) * kv_token_bytes;
  const uint64_t n_blocks = kv_block_bytes > shape.max_binding_bytes
                                ? (kv_block_bytes + shape.max_binding_bytes - 1) / shape.max_binding_bytes + 1
                                : 1;
  const uint64_t split_rows = std::max<uint64_t>(4096 / std::max<uint32_t>(hp.n_head, 1) + 1,
                                                 n_blocks > 1 ? B * n_blocks : 0);
  const uint64_t attn_scratch =
      n_attn ? std::min(split_rows * hp.n_head * (uint64_t{hp.head_dim} + 2) * 4, shape.max_binding_bytes) : 0;
  p.scratch_bytes = (n_gdn ? chunk_scratch : 0) + attn_scratch;
  return p;
}

uint64_t planned_weight_bytes(const model::ModelWeights& weights) { return weights.total_bytes(); }

int64_t largest_fitting_context(const PlanShape& shape, const MemoryPlan& plan) {
  const int64_t n_train = shape.hp.n_ctx_train > 0 ? static_cast<int64_t>(shape.hp.n_ctx_train) : (int64_t{1} << 31);
  auto fits = [&](int64_t n_ctx) {
    MemoryPlan p = plan;
    p.sequence = plan_sequence(shape, n_ctx, plan.sequence.n_batch);
    return p.fits();
  };
  const int64_t step = 256;
  if (!fits(std::min(step, n_train))) return 0;
  if (fits(n_train)) return n_train;
  int64_t lo = 1, hi = n_train / step;  // lo * step fits, hi * step does not (or is the cap)
  while (hi - lo > 1) {
    const int64_t mid = lo + (hi - lo) / 2;
    (fits(mid * step) ? lo : hi) = mid;
  }
  return lo * step;
}

Status check_memory_plan(const PlanShape& shape, const MemoryPlan& plan, const std::string& device_name) {
  if (plan.fits()) return Status::ok();
  using vk::format_bytes;
  const SequencePlan& s = plan.sequence;
  std::string message = "the model needs " + format_bytes(plan.total()) + " of device memory for a context of " +
                        std::to_string(s.n_ctx) + " tokens (weights " + format_bytes(plan.weight_bytes) +
                        ", KV cache " + format_bytes(s.kv_bytes) + ", recurrent states " +
                        format_bytes(s.state_bytes) + ", activations and scratch for " + std::to_string(s.n_batch) +
                        "-token batches " + format_bytes(s.activation_bytes + s.scratch_bytes);
  if (plan.in_use_bytes) message += ", other sequences " + format_bytes(plan.in_use_bytes);
  message += ") but " + device_name + " has " + format_bytes(plan.available_bytes) + "; ";
  const int64_t fit = largest_fitting_context(shape, plan);
  if (fit > 0)
    message += "use a context of at most " + std::to_string(fit) + " tokens";
  else
    message += "even a 256-token context does not fit: use a smaller or more strongly quantised model, or another "
               "device (LECTERN_VK_DEVICE)";
  return Status(ErrorCode::OutOfDeviceMemory, message);
}

}  // namespace lectern::runtime
