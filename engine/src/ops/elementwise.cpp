// elementwise.cpp: argument checks and dispatch of add_f32, mul_f32 and silu_mul_f32.
#include "ops/elementwise.h"

#include <algorithm>
#include <array>

#include "ops/kernel_config.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/pipeline.h"

namespace lectern::ops {

namespace {

// Grid-stride launch: enough workgroups to cover n, capped at the device's x limit.
std::array<uint32_t, 3> grid_stride_groups(const vk::Device& device, uint64_t n, uint32_t wg) {
  uint64_t groups = std::min<uint64_t>((n + wg - 1) / wg, device.limits().max_group_count[0]);
  return {static_cast<uint32_t>(std::max<uint64_t>(1, groups)), 1, 1};
}

Status binary(vk::Sequence& seq, const char* op, const char* shader, const vk::BufferSlice& a,
              const vk::BufferSlice& b, const vk::BufferSlice& y) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n, f32_count(a, op, "a"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_b, f32_count(b, op, "b"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, op, "y"));
  if (n % n_b != 0 || n_y != n) {
    return Status(ErrorCode::InvalidArgument,
                  std::string(op) + ": a has " + std::to_string(n) + " elements, b " + std::to_string(n_b) + ", y " +
                      std::to_string(n_y) + "; b must match a or be a row whose length divides it, y must match a");
  }
  vk::Device& device = seq.device();
  KernelConfig config = kernel_config(device);
  uint32_t spec[] = {config.elementwise_wg};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 3, 8, spec}));
  // Same shapes: a, b and y are cut into the same chunks. A broadcast row is bound whole and the chunks of a and y
  // hold whole rows, so `i % n_b` stays right inside each chunk.
  bool same_shape = n_b == n;
  uint64_t chunk = 0;
  if (same_shape) {
    LECTERN_ASSIGN_OR_RETURN(chunk, items_per_chunk(device, {4}, n, 1, op));
  } else {
    LECTERN_ASSIGN_OR_RETURN(chunk, items_per_chunk(device, {4}, n, n_b, op));
  }
  LECTERN_TRY(check_u32(chunk, op, "elements per dispatch"));
  for (uint64_t first = 0; first < n; first += chunk) {
    uint64_t count = std::min(chunk, n - first);
    vk::BufferSlice b_part = same_shape ? sub_slice(b, first * 4, count * 4) : b;
    struct {
      uint32_t n, n_b;
    } push{static_cast<uint32_t>(count), static_cast<uint32_t>(same_shape ? count : n_b)};
    vk::Binding bindings[] = {{sub_slice(a, first * 4, count * 4), vk::Access::Read},
                              {b_part, vk::Access::Read},
                              {sub_slice(y, first * 4, count * 4), vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, grid_stride_groups(device, count, config.elementwise_wg)));
  }
  return Status::ok();
}

}  // namespace

Status add(vk::Sequence& seq, const vk::BufferSlice& a, const vk::BufferSlice& b, const vk::BufferSlice& y) {
  return binary(seq, "add", "add_f32", a, b, y);
}

Status mul(vk::Sequence& seq, const vk::BufferSlice& a, const vk::BufferSlice& b, const vk::BufferSlice& y) {
  return binary(seq, "mul", "mul_f32", a, b, y);
}

Status silu_mul(vk::Sequence& seq, const vk::BufferSlice& a, const vk::BufferSlice& b, const vk::BufferSlice& y) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n, f32_count(a, "silu_mul", "a"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_b, f32_count(b, "silu_mul", "b"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, "silu_mul", "y"));
  if (n_b != n || n_y != n) {
    return Status(ErrorCode::InvalidArgument, "silu_mul: a, b and y must have the same size (" + std::to_string(n) +
                                                  ", " + std::to_string(n_b) + ", " + std::to_string(n_y) +
                                                  " elements)");
  }
  vk::Device& device = seq.device();
  KernelConfig config = kernel_config(device);
  uint32_t spec[] = {config.elementwise_wg};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({"silu_mul_f32", 3, 4, spec}));
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {4}, n, 1, "silu_mul"));
  LECTERN_TRY(check_u32(chunk, "silu_mul", "elements per dispatch"));
  for (uint64_t first = 0; first < n; first += chunk) {
    uint64_t count = std::min(chunk, n - first);
    uint32_t push = static_cast<uint32_t>(count);
    vk::Binding bindings[] = {{sub_slice(a, first * 4, count * 4), vk::Access::Read},
                              {sub_slice(b, first * 4, count * 4), vk::Access::Read},
                              {sub_slice(y, first * 4, count * 4), vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, grid_stride_groups(device, count, config.elementwise_wg)));
  }
  return Status::ok();
}

}  // namespace lectern::ops
