// cpu_backend.h: the ModelBackend over the CPU reference model (cpu/qwen35_reference): exact f32/f64 arithmetic,
// one token at a time inside each batch. The oracle backend; fine for tiny models and tests.
#pragma once

#include <memory>

#include "lectern/status.h"
#include "model/weights.h"
#include "runtime/model_backend.h"

namespace lectern::runtime {

// Dequantises every weight to f32 (the backend owns them; `weights` may be released afterwards).
Result<std::unique_ptr<ModelBackend>> create_cpu_backend(const model::ModelWeights& weights);

}  // namespace lectern::runtime
