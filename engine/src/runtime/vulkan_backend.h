// vulkan_backend.h: the ModelBackend that runs Qwen3.5 text models with Lectern's Vulkan compute ops: device choice,
// memory planning, weight upload, and sequences evaluated in batches on the device.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "lectern/status.h"
#include "model/weights.h"
#include "runtime/model_backend.h"
#include "runtime/vulkan_model.h"
#include "vk/device.h"

namespace lectern::vk {
class Instance;
}

namespace lectern::runtime {

struct VulkanBackendOptions {
  // Which device (selector nullopt: LECTERN_VK_DEVICE, else the best-ranked) and its options.
  vk::DeviceOptions device;
  // The instance to use (tests share one with validation on); nullptr: a new one (LECTERN_VK_VALIDATION).
  std::shared_ptr<vk::Instance> instance;
  // Delta-rule form for prompts; nullopt: LECTERN_GDN_CHUNKED (auto | always | never; unset: auto).
  std::optional<GdnChunkedMode> gdn_chunked;
  // Tokens per device evaluation (activation scratch is sized for it; longer batches run in several parts).
  int32_t n_batch = 512;
  // Context the load-time memory plan reserves a sequence for; 0: min(4096, the trained context).
  int64_t plan_n_ctx = 0;
  // Device memory plans must fit in; 0: the largest device-local heap. Lower it to test planning.
  uint64_t device_memory_bytes = 0;
  // KV cache element type: F16 (default), Q8_0 (half the memory; head_dim a multiple of 32) or F32.
  DType kv_type = DType::F16;
};

// "auto" / "always" / "never" (any case); InvalidArgument naming LECTERN_GDN_CHUNKED otherwise.
Result<GdnChunkedMode> parse_gdn_chunked_mode(const std::string& text);

// Plans device memory (weights + one sequence of plan_n_ctx tokens), then uploads the weights. NoDevice /
// Unsupported when there is no usable Vulkan device; OutOfDeviceMemory when the plan or an allocation does not fit.
Result<std::unique_ptr<ModelBackend>> create_vulkan_backend(const model::ModelWeights& weights,
                                                            const VulkanBackendOptions& options = {});

}  // namespace lectern::runtime
