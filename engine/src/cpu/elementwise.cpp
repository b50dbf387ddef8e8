// elementwise.cpp: reference add, mul and silu_mul, computed in double and rounded once to f32.
#include "cpu/elementwise.h"

#include <cmath>
#include <string>

namespace lectern::cpu {

static Status check_broadcast(const char* op, size_t n_a, size_t n_b, size_t n_y) {
  if (n_a == 0 || n_b == 0 || n_a % n_b != 0 || n_y != n_a) {
    return Status(ErrorCode::InvalidArgument, std::string(op) + ": a has " + std::to_string(n_a) + " elements, b " +
                                                  std::to_string(n_b) + ", y " + std::to_string(n_y) +
                                                  "; b must match a or be a row that divides it, y must match a");
  }
  return Status::ok();
}

Status add(std::span<const float> a, std::span<const float> b, std::span<float> y) {
  LECTERN_TRY(check_broadcast("add", a.size(), b.size(), y.size()));
  for (size_t i = 0; i < a.size(); ++i) y[i] = static_cast<float>(double(a[i]) + double(b[i % b.size()]));
  return Status::ok();
}

Status mul(std::span<const float> a, std::span<const float> b, std::span<float> y) {
  LECTERN_TRY(check_broadcast("mul", a.size(), b.size(), y.size()));
  for (size_t i = 0; i < a.size(); ++i) y[i] = static_cast<float>(double(a[i]) * double(b[i % b.size()]));
  return Status::ok();
}

Status silu_mul(std::span<const float> a, std::span<const float> b, std::span<float> y) {
  if (a.size() != b.size() || a.size() != y.size()) {
    return Status(ErrorCode::InvalidArgument, "silu_mul: a, b and y must have the same size (" +
                                                  std::to_string(a.size()) + ", " + std::to_string(b.size()) + ", " +
                                                  std::to_string(y.size()) + ")");
  }
  for (size_t i = 0; i < a.size(); ++i) {
    double v = a[i];
    y[i] = static_cast<float>(v / (1.0 + std::exp(-v)) * double(b[i]));
  }
  return Status::ok();
}

}  // namespace lectern::cpu
