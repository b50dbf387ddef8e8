// matvec_q8.cpp: host side of the GPU-profile Q8_0 decode products (matvec_q8s.comp) and of the activation
// quantisation they may take (quantize_x8.comp).
#include "ops/matvec_q8.h"

#include <string>

#include "ops/kernel_config.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/matrix.h"
#include "vk/pipeline.h"

namespace lectern::ops {

namespace {

// Push constants of matvec_q8s.comp (matvec_q.comp's layout).
struct Q8Push {
  uint32_t n_in, n_rows, y_offset, n_tokens, y_stride;
};

Status check_shapes(const vk::DeviceMatrix& w, const vk::BufferSlice& y, const char* op) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, op, "y"));
  if (w.dtype() != DType::Q8_0 || w.n_cols() % 32 != 0) {
    return Status(ErrorCode::InvalidArgument, std::string(op) + ": '" + w.name() + "' is " + dtype_name(w.dtype()) +
                                                  " with " + std::to_string(w.n_cols()) +
                                                  " columns; this kernel takes Q8_0 rows of whole blocks only");
  }
  if (n_y != w.n_rows()) {
    return Status(ErrorCode::InvalidArgument, std::string(op) + " with '" + w.name() + "' needs y of " +
                                                  std::to_string(w.n_rows()) + " elements, got " +
                                                  std::to_string(n_y));
  }
  return check_u32(w.n_rows(), op, "rows");
}

// One dispatch per row block of `shader` (matvec_q8s.comp) with x bound as given (f32 or quantised blocks).
Status dispatch(vk::Sequence& seq, const std::string& shader, const vk::DeviceMatrix& w, const vk::BufferSlice& x,
                const vk::BufferSlice& y) {
  vk::Device& device = seq.device();
  const RegisterTile tile = kernel_config(device).matvec;
  uint32_t spec[] = {tile.wg, tile.rows, 1};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 3, sizeof(Q8Push), spec}));
  for (const vk::RowBlock& block : w.blocks()) {
    Q8Push push{static_cast<uint32_t>(w.n_cols()), static_cast<uint32_t>(block.n_rows),
                static_cast<uint32_t>(block.first_row), 1, static_cast<uint32_t>(w.n_rows())};
    vk::Binding bindings[] = {{block.buffer.whole(), vk::Access::Read}, {x, vk::Access::Read}, {y, vk::Access::Write}};
    auto groups = vk::split_groups((block.n_rows + tile.rows - 1) / tile.rows, device.limits().max_group_count);
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, groups));
  }
  return Status::ok();
}

}  // namespace

bool matvec_q8_applies(const vk::Device& device, const vk::DeviceMatrix& w) {
  return w.dtype() == DType::Q8_0 && w.n_cols() % 32 == 0 && matvec_int8_mode(device) != MatvecInt8::Off;
}

Status matvec_q8_f32(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x,
                     const vk::BufferSlice& y) {
  LECTERN_TRY(check_shapes(w, y, "matvec_q8_f32"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_x, f32_count(x, "matvec_q8_f32", "x"));
  if (n_x != w.n_cols()) {
    return Status(ErrorCode::InvalidArgument, "matvec_q8_f32 with '" + w.name() + "' needs x of " +
                                                  std::to_string(w.n_cols()) + " elements, got " +
                                                  std::to_string(n_x));
  }
  if (!matvec_q8_applies(seq.device(), w)) {
    return Status(ErrorCode::Unsupported, "matvec_q8_f32: " + seq.device().info().name + " has no 8-bit storage or "
                                          "8-bit integers (or LECTERN_VK_MATVEC_Q8=off); use ops::matvec");
  }
  const std::string sg = seq.device().use_subgroup_arithmetic() ? "_sg" : "";
  return dispatch(seq, "matvec_q8_0_f32_s8" + sg, w, x, y);
}

bool matvec_wants_quantized_x(const vk::Device& device, const vk::DeviceMatrix& w) {
  return matvec_q8_applies(device, w) && matvec_int8_mode(device) == MatvecInt8::DotProduct;
}

Status quantize_x(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& xq) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_x, f32_count(x, "quantize_x", "x"));
  if (n_x == 0 || n_x % 32 != 0) {
    return Status(ErrorCode::InvalidArgument, "quantize_x: x has " + std::to_string(n_x) +
                                                  " elements; quantised blocks need a positive multiple of 32");
  }
  if (!xq.buffer || xq.size < quantized_x_bytes(n_x)) {
    return Status(ErrorCode::InvalidArgument, "quantize_x: xq holds " + std::to_string(xq.buffer ? xq.size : 0) +
                                                  " bytes; " + std::to_string(n_x) + " activations need " +
                                                  std::to_string(quantized_x_bytes(n_x)) + " (quantized_x_bytes)");
  }
  vk::Device& device = seq.device();
  const uint32_t wg = kernel_config(device).elementwise_wg;
  uint32_t spec[] = {wg};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({"quantize_x8_f32", 2, 4, spec}));
  const uint64_t n_blocks = n_x / 32;
  LECTERN_TRY(check_u32(n_blocks, "quantize_x", "blocks"));
  const uint32_t push = static_cast<uint32_t>(n_blocks);
  vk::Binding bindings[] = {{x, vk::Access::Read},
                            {{xq.buffer, xq.offset, quantized_x_bytes(n_x)}, vk::Access::Write}};
  return seq.dispatch(*pipeline, bindings, push, vk::split_groups((n_blocks + wg - 1) / wg,
                                                                  device.limits().max_group_count));
}

Status matvec_quantized(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& xq,
                        const vk::BufferSlice& y) {
  LECTERN_TRY(check_shapes(w, y, "matvec_quantized"));
  if (!xq.buffer || xq.size < quantized_x_bytes(w.n_cols())) {
    return Status(ErrorCode::InvalidArgument, "matvec_quantized with '" + w.name() + "' needs xq of " +
                                                  std::to_string(quantized_x_bytes(w.n_cols())) +
                                                  " bytes (quantize_x of " + std::to_string(w.n_cols()) +
                                                  " activations), got " + std::to_string(xq.buffer ? xq.size : 0));
  }
  if (!matvec_wants_quantized_x(seq.device(), w)) {
    return Status(ErrorCode::Unsupported, "matvec_quantized: " + seq.device().info().name + " does not use the "
                                          "integer dot product for Q8_0 (check matvec_wants_quantized_x)");
  }
  const std::string sg = seq.device().use_subgroup_arithmetic() ? "_sg" : "";
  const vk::BufferSlice xs{xq.buffer, xq.offset, quantized_x_bytes(w.n_cols())};
  return dispatch(seq, "matvec_q8_0_x8_dp4" + sg, w, xs, y);
}

}  // namespace lectern::ops
