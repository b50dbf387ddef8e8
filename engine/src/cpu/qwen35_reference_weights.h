// qwen35_reference_weights.h: expands a ModelWeights description (any file format, any weight type) into the
// all-f32 weights of the CPU reference model, dequantising with ggml's exact rules.
#pragma once

#include "cpu/qwen35_reference.h"
#include "lectern/status.h"
#include "model/weights.h"

namespace lectern::cpu {

Result<Qwen35RefWeights> reference_weights_from(const model::ModelWeights& weights);

}  // namespace lectern::cpu
