// backend_factory.h: picks and creates the model backend for a device choice (auto | cpu | vulkan). Adding a
// backend is one entry in backend_factory.cpp.
#pragma once

#include <memory>

#include "lectern/engine.h"
#include "lectern/status.h"
#include "model/weights.h"
#include "runtime/model_backend.h"

namespace lectern::runtime {

// Auto tries Vulkan first and falls back to the CPU reference when Vulkan is unavailable (NoDevice or
// Unsupported); any other Vulkan failure (e.g. out of device memory) is reported, not hidden by a fallback.
Result<std::unique_ptr<ModelBackend>> create_backend(const model::ModelWeights& weights, DeviceChoice device);

}  // namespace lectern::runtime
