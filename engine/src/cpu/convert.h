// convert.h: reference conversion of stored tensor data (f32, f16, bf16) to f32 values; quantised types come later.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/dtype.h"
#include "lectern/status.h"

namespace lectern::cpu {

// Converts the first out.size() elements of `data` (row-major, `dtype`) to f32. InvalidArgument when `data` is too
// short; Unsupported for types without a reference conversion yet.
Status to_f32(DType dtype, std::span<const std::byte> data, std::span<float> out);

}  // namespace lectern::cpu
