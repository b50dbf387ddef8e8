// backend_factory.h: picks and creates the model backend for a device choice (auto | cpu | vulkan). Adding a
// backend is one entry in backend_factory.cpp.
#pragma once

#include <memory>
#include <string>

#include "lectern/engine.h"
#include "core/dtype.h"
#include "lectern/status.h"
#include "model/weights.h"
#include "runtime/model_backend.h"

namespace lectern::runtime {

// Auto tries Vulkan first and falls back to the CPU reference when Vulkan is unavailable (NoDevice or
// Unsupported); any other Vulkan failure (e.g. out of device memory) is reported, not hidden by a fallback.
// options: what the Vulkan backend takes beyond the device (the CPU reference keeps its f32 KV cache).
// fallback_reason (optional): set to why Auto fell back to the CPU (the Vulkan error); cleared otherwise.
struct BackendOptions {
  DType kv_type = DType::F16;  // Vulkan KV cache type: F16 or Q8_0
  int64_t plan_n_ctx = 0;      // the context the load-time memory plan checks; 0: min(4096, trained context)
};
Result<std::unique_ptr<ModelBackend>> create_backend(const model::ModelWeights& weights, DeviceChoice device,
                                                     const BackendOptions& options = {},
                                                     std::string* fallback_reason = nullptr);

}  // namespace lectern::runtime
