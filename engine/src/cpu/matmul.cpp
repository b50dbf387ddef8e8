// matmul.cpp: reference products: convert each weight row to f32, accumulate in double.
#include "cpu/matmul.h"

#include <string>
#include <vector>

#include "cpu/convert.h"

namespace lectern::cpu {

Status matmul(DType w_dtype, std::span<const std::byte> w, size_t n_out, size_t n_in, std::span<const float> x,
              std::span<float> y, size_t n_tokens) {
  if (n_out == 0 || n_in == 0 || n_tokens == 0 || x.size() != n_tokens * n_in || y.size() != n_tokens * n_out) {
    return Status(ErrorCode::InvalidArgument, "matmul: W [" + std::to_string(n_out) + ", " + std::to_string(n_in) +
                                                  "] needs X of " + std::to_string(n_tokens * n_in) + " and Y of " +
                                                  std::to_string(n_tokens * n_out) + " elements, got " +
                                                  std::to_string(x.size()) + " and " + std::to_string(y.size()));
  }
  uint64_t row_bytes = dtype_row_bytes(w_dtype, n_in);
  if (w.size() != n_out * row_bytes) {
    return Status(ErrorCode::InvalidArgument, "matmul: W [" + std::to_string(n_out) + ", " + std::to_string(n_in) +
                                                  "] of " + dtype_name(w_dtype) + " needs " +
                                                  std::to_string(n_out * row_bytes) + " bytes, got " +
                                                  std::to_string(w.size()));
  }
  std::vector<float> row(n_in);
  for (size_t o = 0; o < n_out; ++o) {
    LECTERN_TRY(to_f32(w_dtype, w.subspan(o * row_bytes, row_bytes), row));
    for (size_t t = 0; t < n_tokens; ++t) {
      double sum = 0.0;
      for (size_t i = 0; i < n_in; ++i) sum += double(row[i]) * double(x[t * n_in + i]);
      y[t * n_out + o] = static_cast<float>(sum);
    }
  }
  return Status::ok();
}

Status matvec(DType w_dtype, std::span<const std::byte> w, size_t n_out, size_t n_in, std::span<const float> x,
              std::span<float> y) {
  return matmul(w_dtype, w, n_out, n_in, x, y, 1);
}

}  // namespace lectern::cpu
