// pipeline.h: compute pipelines built from registry shaders: N storage buffers in set 0, one push-constant block
// for per-dispatch values, specialisation constants for fixed shapes; cached by (shader, layout, constants).
#pragma once

#include <vulkan/vulkan.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "lectern/status.h"

namespace lectern::vk {

class Device;

struct PipelineDesc {
  std::string_view shader;                   // name given to lectern_shader() in engine/shaders/CMakeLists.txt
  uint32_t n_bindings = 0;                   // storage buffers at bindings 0..n_bindings-1 of set 0
  uint32_t push_constant_bytes = 0;          // multiple of 4, at most maxPushConstantsSize (128 is guaranteed)
  std::span<const uint32_t> spec_constants;  // values for constant_id 0..n-1 (workgroup size, tile shapes, ...)
};

struct Pipeline {
  std::string name;  // "matvec_f16_f32_s16_sg{64,2}": shader plus its specialisation constants
  VkPipeline pipeline = VK_NULL_HANDLE;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  VkDescriptorSetLayout set_layout = VK_NULL_HANDLE;
  uint32_t n_bindings = 0;
  uint32_t push_constant_bytes = 0;
};

class PipelineCache {
 public:
  static Result<std::unique_ptr<PipelineCache>> create(const Device& device);
  ~PipelineCache();
  PipelineCache(const PipelineCache&) = delete;
  PipelineCache& operator=(const PipelineCache&) = delete;

  // The cached pipeline, building it on first use. NotFound for a shader that was not built in; the pointer stays
  // valid for the cache's lifetime. Thread-safe.
  Result<const Pipeline*> get(const PipelineDesc& desc);
  size_t size() const;

 private:
  explicit PipelineCache(const Device& device) : device_(device) {}
  Result<std::unique_ptr<Pipeline>> build(const PipelineDesc& desc, std::string name);

  using Key = std::tuple<std::string, uint32_t, uint32_t, std::vector<uint32_t>>;
  const Device& device_;
  VkPipelineCache cache_ = VK_NULL_HANDLE;
  mutable std::mutex mutex_;
  std::map<Key, std::unique_ptr<Pipeline>> pipelines_;
};

}  // namespace lectern::vk
