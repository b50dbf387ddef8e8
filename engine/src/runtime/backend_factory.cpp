// backend_factory.cpp: the device-choice -> backend table.
#include "runtime/backend_factory.h"

#include "runtime/cpu_backend.h"
#include "runtime/vulkan_backend.h"

namespace lectern::runtime {

Result<std::unique_ptr<ModelBackend>> create_backend(const model::ModelWeights& weights, DeviceChoice device,
                                                     const BackendOptions& options, std::string* fallback_reason) {
  if (fallback_reason != nullptr) fallback_reason->clear();
  VulkanBackendOptions vo;
  vo.kv_type = options.kv_type;
  vo.plan_n_ctx = options.plan_n_ctx;
  switch (device) {
    case DeviceChoice::Cpu:
      return create_cpu_backend(weights);
    case DeviceChoice::Vulkan:
      return create_vulkan_backend(weights, vo);
    case DeviceChoice::Auto: {
      auto vk = create_vulkan_backend(weights, vo);
      if (vk.is_ok()) return vk;
      const ErrorCode code = vk.status().code();
      if (code != ErrorCode::NoDevice && code != ErrorCode::Unsupported) return vk.status();
      if (fallback_reason != nullptr) *fallback_reason = vk.status().message();
      return create_cpu_backend(weights);
    }
  }
  return Status(ErrorCode::InvalidArgument, "unknown device choice");
}

}  // namespace lectern::runtime
