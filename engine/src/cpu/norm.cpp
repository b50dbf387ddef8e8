// norm.cpp: reference RMSNorm with double accumulation.
#include "cpu/norm.h"

#include <cmath>
#include <string>

namespace lectern::cpu {

Status rms_norm(std::span<const float> x, std::span<const float> w, std::span<float> y, size_t n_cols, float eps,
                float w_offset) {
  if (n_cols == 0 || x.size() % n_cols != 0 || w.size() != n_cols || y.size() != x.size()) {
    return Status(ErrorCode::InvalidArgument, "rms_norm: x has " + std::to_string(x.size()) + " elements, w " +
                                                  std::to_string(w.size()) + ", y " + std::to_string(y.size()) +
                                                  " for rows of " + std::to_string(n_cols));
  }
  if (!(eps >= 0.0f)) return Status(ErrorCode::InvalidArgument, "rms_norm: eps must be >= 0");
  for (size_t base = 0; base < x.size(); base += n_cols) {
    double sum = 0.0;
    for (size_t i = 0; i < n_cols; ++i) sum += double(x[base + i]) * double(x[base + i]);
    double scale = 1.0 / std::sqrt(sum / double(n_cols) + double(eps));
    for (size_t i = 0; i < n_cols; ++i) {
      y[base + i] = static_cast<float>(double(x[base + i]) * scale * (double(w[i]) + double(w_offset)));
    }
  }
  return Status::ok();
}

}  // namespace lectern::cpu
