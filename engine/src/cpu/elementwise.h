// elementwise.h: reference elementwise ops in f32 (the oracle for the add/mul/silu_mul shaders).
#pragma once

#include <span>

#include "lectern/status.h"

namespace lectern::cpu {

// y[i] = a[i] + b[i % b.size()]: b is either a's shape or a row vector repeated across rows (b.size() divides
// a.size()). y may alias a.
Status add(std::span<const float> a, std::span<const float> b, std::span<float> y);
Status mul(std::span<const float> a, std::span<const float> b, std::span<float> y);

// y = silu(a) * b = a / (1 + exp(-a)) * b, all the same size.
Status silu_mul(std::span<const float> a, std::span<const float> b, std::span<float> y);

}  // namespace lectern::cpu
