// norm.h: reference RMSNorm over the rows of a matrix.
#pragma once

#include <cstddef>
#include <span>

#include "lectern/status.h"

namespace lectern::cpu {

// x, y: [n_rows, n_cols] row-major; w: [n_cols].
// y[r, i] = x[r, i] / sqrt(mean_i(x[r, i]^2) + eps) * (w[i] + w_offset)
// w_offset 0: plain weight (GGUF, where converters folded in the +1); 1: zero-centred weight x / rms * (1 + w).
Status rms_norm(std::span<const float> x, std::span<const float> w, std::span<float> y, size_t n_cols, float eps,
                float w_offset);

}  // namespace lectern::cpu
