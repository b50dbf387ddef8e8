// vulkan_model.h: what the Vulkan backend and its sequences share: the instance, device and transfer, the uploaded
// weights, the RoPE table, the model's shapes and the evaluation settings.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "model/hparams.h"
#include "ops/gdn.h"
#include "ops/rope.h"
#include "runtime/memory_plan.h"
#include "runtime/vulkan_weights.h"
#include "vk/device.h"
#include "vk/instance.h"
#include "vk/transfer.h"

namespace lectern::runtime {

// Which delta-rule form prompts use (LECTERN_GDN_CHUNKED=auto|always|never).
enum class GdnChunkedMode {
  Auto,    // ops::delta_rule_prefers_chunked decides per batch
  Always,  // every batch of two or more tokens (single tokens always step the recurrence)
  Never,
};

struct VulkanModel {
  // Declaration order is destruction order reversed: buffers go before the device, the device before the instance.
  std::shared_ptr<vk::Instance> instance;
  std::unique_ptr<vk::Device> device;
  std::unique_ptr<vk::Transfer> transfer;
  std::mutex transfer_mutex;  // sequences on different threads share the transfer
  VkModelWeights weights;
  std::optional<ops::RopeTable> rope;

  model::HParams hp;
  ops::GdnShape gdn_shape;
  PlanShape plan_shape;
  GdnChunkedMode gdn_chunked = GdnChunkedMode::Auto;
  int32_t n_batch = 512;             // tokens per device evaluation (scratch size)
  DType kv_type = DType::F16;        // KV cache element type (ops::KvCache)
  uint64_t available_bytes = 0;      // device memory plans must fit in
  std::atomic<uint64_t> sequence_bytes_in_use{0};

  bool use_chunked(uint64_t n_tokens) const {
    if (n_tokens < 2 || gdn_chunked == GdnChunkedMode::Never) return false;
    return gdn_chunked == GdnChunkedMode::Always || ops::delta_rule_prefers_chunked(*device, n_tokens);
  }
  bool may_use_chunked() const {
    return gdn_chunked == GdnChunkedMode::Always ||
           (gdn_chunked == GdnChunkedMode::Auto && ops::delta_rule_prefers_chunked(*device, uint64_t(n_batch)));
  }
};

}  // namespace lectern::runtime
