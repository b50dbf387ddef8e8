// memory_plan.h: how much device memory a Qwen3.5 model needs on the Vulkan backend (weights as stored, per
// sequence: f16 KV cache, f32 GDN states, activation scratch for a batch) and the check of a plan against the
// device's memory, done before anything is allocated so a model that cannot fit fails with a clear message.
#pragma once

#include <cstdint>
#include <string>

#include "core/dtype.h"
#include "lectern/status.h"
#include "model/hparams.h"
#include "model/weights.h"

namespace lectern::runtime {

// The shapes a plan depends on (from HParams) plus the device's per-binding limit.
struct PlanShape {
  model::HParams hp;
  uint64_t max_binding_bytes = 128ull << 20;
  DType kv_type = DType::F16;  // KV cache element type (ops::KvCache: F16, Q8_0 or F32)
};

// Per-sequence device memory, in bytes.
struct SequencePlan {
  int64_t n_ctx = 0;
  int32_t n_batch = 0;           // tokens per device evaluation (scratch is sized for this many)
  int32_t n_logit_rows = 0;      // logit rows one evaluation can hold
  uint64_t kv_bytes = 0;         // K and V of every full-attention layer, n_ctx positions in the cache type
  uint64_t state_bytes = 0;      // conv (K-1 rows) and delta-rule (Hv dk dv) states of every GDN layer, f32
  uint64_t activation_bytes = 0; // per-token activations for n_batch tokens, logits rows
  uint64_t scratch_bytes = 0;    // chunked delta rule and split-attention partial results (upper bounds)
  uint64_t total() const { return kv_bytes + state_bytes + activation_bytes + scratch_bytes; }
};

// Logit rows one evaluation keeps on the device: at most n_batch, and at most 64 MiB of them (a 248k-token
// vocabulary row is ~1 MB), so LogitsMode::All on a big batch runs the LM head in several evaluations.
int32_t logit_rows_for(const model::HParams& hp, int32_t n_batch);

// Activation widths in floats per token, shared by the plan and the allocation (vulkan_layers.cpp).
struct ActivationWidths {
  uint64_t embd = 0, ff = 0;
  uint64_t conv = 0, gdn_z = 0, gdn_heads = 0;  // GDN: C, Hv dv, Hv
  uint64_t q = 0, kv = 0, attn = 0;             // attention: 2 H hd, Hkv hd, H hd
};
ActivationWidths activation_widths(const model::HParams& hp);

SequencePlan plan_sequence(const PlanShape& shape, int64_t n_ctx, int32_t n_batch);

// Bytes of the main-pass weights as stored (what the device copies occupy).
uint64_t planned_weight_bytes(const model::ModelWeights& weights);

struct MemoryPlan {
  uint64_t weight_bytes = 0;
  SequencePlan sequence;
  uint64_t in_use_bytes = 0;     // already allocated by other sequences
  uint64_t available_bytes = 0;  // the device memory the plan must fit in
  uint64_t total() const { return weight_bytes + sequence.total() + in_use_bytes; }
  bool fits() const { return total() <= available_bytes; }
};

// The largest context (a multiple of 256, or n_ctx_train) whose sequence still fits next to the weights and the
// memory in use; 0 when not even a 256-token context fits.
int64_t largest_fitting_context(const PlanShape& shape, const MemoryPlan& plan);

// Ok when the plan fits; otherwise OutOfDeviceMemory saying what is needed (weights, KV cache, states, scratch),
// what is available on `device_name`, and the largest context that would fit.
Status check_memory_plan(const PlanShape& shape, const MemoryPlan& plan, const std::string& device_name);

}  // namespace lectern::runtime
