// matmul.h: reference matrix-vector and matrix-matrix products with weights stored as f32, f16 or bf16.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/dtype.h"
#include "lectern/status.h"

namespace lectern::cpu {

// y[n_out] = W[n_out, n_in] · x[n_in]; W row-major in `w_dtype` (as GGUF/HF store it).
Status matvec(DType w_dtype, std::span<const std::byte> w, size_t n_out, size_t n_in, std::span<const float> x,
              std::span<float> y);

// Y[n_tokens, n_out] = X[n_tokens, n_in] · W[n_out, n_in]^T.
Status matmul(DType w_dtype, std::span<const std::byte> w, size_t n_out, size_t n_in, std::span<const float> x,
              std::span<float> y, size_t n_tokens);

}  // namespace lectern::cpu
