// gdn.cpp: argument checks and dispatch of the elementwise-like GDN ops: gdn_conv_f32, gdn_l2_norm_f32[_sg],
// gdn_gates_f32 and gdn_gated_norm_f32[_sg]. Activations larger than one binding run in chunks of whole tokens.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "ops/gdn.h"
#include "ops/gdn_common.h"
#include "ops/kernel_config.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/pipeline.h"

namespace lectern::ops {

namespace {

constexpr uint32_t k_conv_tokens_per_invocation = 16;  // TB in gdn_conv.comp

Status bad(const char* op, const std::string& message) {
  return Status(ErrorCode::InvalidArgument, std::string(op) + ": " + message);
}

}  // namespace

bool slices_overlap(const vk::BufferSlice& a, const vk::BufferSlice& b) {
  return a.buffer == b.buffer && a.offset < b.offset + b.size && b.offset < a.offset + a.size;
}

Status check_gdn_shape(const GdnShape& s, const char* op) {
  auto ok_dim = [](uint32_t d) { return d >= 32 && d <= 256 && d % 32 == 0; };
  if (s.n_k_heads == 0 || s.n_v_heads == 0 || s.n_v_heads % s.n_k_heads != 0 || !ok_dim(s.k_head_dim) ||
      !ok_dim(s.v_head_dim)) {
    return bad(op, "unsupported heads Hk=" + std::to_string(s.n_k_heads) + " Hv=" + std::to_string(s.n_v_heads) +
                       " dk=" + std::to_string(s.k_head_dim) + " dv=" + std::to_string(s.v_head_dim) +
                       "; Hv must be a positive multiple of Hk and dk, dv multiples of 32 in [32, 256]");
  }
  return Status::ok();
}

Result<uint64_t> whole_rows(const vk::BufferSlice& s, uint64_t row, const char* op, const char* what) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n, f32_count(s, op, what));
  if (n % row != 0) {
    return bad(op, std::string(what) + " has " + std::to_string(n) + " elements, not whole rows of " +
                       std::to_string(row));
  }
  return n / row;
}

Status expect_count(const vk::BufferSlice& s, uint64_t want, const char* op, const char* what) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n, f32_count(s, op, what));
  if (n != want) {
    return bad(op, std::string(what) + " has " + std::to_string(n) + " elements, expected " + std::to_string(want));
  }
  return Status::ok();
}

Status gdn_conv(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& w, const vk::BufferSlice& state,
                const vk::BufferSlice& y, uint64_t C, uint32_t K) {
  const char* op = "gdn_conv";
  if (C == 0 || K < 2 || K > k_conv_tokens_per_invocation) {
    return bad(op, "needs channels > 0 and a kernel width in [2, 16]; got C=" + std::to_string(C) +
                       " K=" + std::to_string(K));
  }
  LECTERN_ASSIGN_OR_RETURN(uint64_t T, whole_rows(x, C, op, "x [T, C]"));
  LECTERN_TRY(expect_count(w, C * K, op, "w [C, K]"));
  LECTERN_TRY(expect_count(state, (K - 1) * C, op, "state [K-1, C]"));
  LECTERN_TRY(expect_count(y, T * C, op, "y [T, C]"));
  if (slices_overlap(y, x) || slices_overlap(y, state)) return bad(op, "y must not overlap x or the state");
  vk::Device& device = seq.device();
  const uint64_t limit = device.limits().max_binding_bytes;
  if (C * K * 4 > limit || (K - 1) * C * 4 > limit) return bad(op, "w or the state exceeds one storage binding");
  const uint32_t wg = kernel_config(device).elementwise_wg;
  uint32_t spec[] = {wg, K, k_conv_tokens_per_invocation};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({"gdn_conv_f32", 4, 8, spec}));
  // Chunks of whole tokens; each dispatch reads the state the previous one left, so the result is the same.
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {C * 4}, T, 1, op));
  for (uint64_t first = 0; first < T; first += chunk) {
    const uint64_t rows = std::min(chunk, T - first);
    const uint64_t invocations = C * ((rows + k_conv_tokens_per_invocation - 1) / k_conv_tokens_per_invocation);
    // The shader computes block * TB for every invocation of the (rounded-up) grid.
    LECTERN_TRY(check_u32(2 * (invocations + wg) * k_conv_tokens_per_invocation, op, "invocations per dispatch"));
    struct {
      uint32_t n_channels, n_tokens;
    } push{static_cast<uint32_t>(C), static_cast<uint32_t>(rows)};
    const uint64_t offset = first * C * 4, bytes = rows * C * 4;
    vk::Binding bindings[] = {{sub_slice(x, offset, bytes), vk::Access::Read},
                              {w, vk::Access::Read},
                              {state, vk::Access::ReadWrite},
                              {sub_slice(y, offset, bytes), vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push,
                             vk::split_groups((invocations + wg - 1) / wg, device.limits().max_group_count)));
  }
  return Status::ok();
}

Status gdn_l2_norm_qk(vk::Sequence& seq, const vk::BufferSlice& qkv, const GdnShape& shape) {
  const char* op = "gdn_l2_norm_qk";
  LECTERN_TRY(check_gdn_shape(shape, op));
  const uint64_t C = shape.conv_channels();
  LECTERN_ASSIGN_OR_RETURN(uint64_t T, whole_rows(qkv, C, op, "qkv [T, C]"));
  vk::Device& device = seq.device();
  uint32_t spec[] = {norm_workgroup(device, shape.k_head_dim)};
  std::string shader = reduction_shader(device, "gdn_l2_norm_f32");
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 1, 24, spec}));
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {C * 4}, T, 1, op));
  for (uint64_t first = 0; first < T; first += chunk) {
    const uint64_t rows = std::min(chunk, T - first);
    const uint64_t n_vectors = rows * 2 * shape.n_k_heads;
    LECTERN_TRY(check_u32(n_vectors, op, "vectors per dispatch"));
    struct {
      uint32_t row_stride, n_vectors, n_k_heads, head_dim;
      float q_scale, eps;
    } push{static_cast<uint32_t>(C), static_cast<uint32_t>(n_vectors), shape.n_k_heads, shape.k_head_dim,
           static_cast<float>(1.0 / std::sqrt(double(shape.k_head_dim))), 1e-6f};
    vk::Binding bindings[] = {{sub_slice(qkv, first * C * 4, rows * C * 4), vk::Access::ReadWrite}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, vk::split_groups(n_vectors, device.limits().max_group_count)));
  }
  return Status::ok();
}

Status gdn_gates(vk::Sequence& seq, const vk::BufferSlice& b, const vk::BufferSlice& a,
                 const vk::BufferSlice& dt_bias, const vk::BufferSlice& ssm_a, const vk::BufferSlice& beta,
                 const vk::BufferSlice& g, uint32_t Hv) {
  const char* op = "gdn_gates";
  if (Hv == 0) return bad(op, "needs at least one v head");
  LECTERN_ASSIGN_OR_RETURN(uint64_t T, whole_rows(b, Hv, op, "b [T, Hv]"));
  LECTERN_TRY(expect_count(a, T * Hv, op, "a [T, Hv]"));
  LECTERN_TRY(expect_count(beta, T * Hv, op, "beta [T, Hv]"));
  LECTERN_TRY(expect_count(g, T * Hv, op, "g [T, Hv]"));
  LECTERN_TRY(expect_count(dt_bias, Hv, op, "dt_bias [Hv]"));
  LECTERN_TRY(expect_count(ssm_a, Hv, op, "ssm_a [Hv]"));
  vk::Device& device = seq.device();
  const uint32_t wg = kernel_config(device).elementwise_wg;
  uint32_t spec[] = {wg};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({"gdn_gates_f32", 6, 8, spec}));
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {uint64_t(Hv) * 4}, T, 1, op));
  LECTERN_TRY(check_u32(chunk * Hv, op, "elements per dispatch"));
  for (uint64_t first = 0; first < T; first += chunk) {
    const uint64_t rows = std::min(chunk, T - first);
    const uint64_t n = rows * Hv, offset = first * Hv * 4, bytes = n * 4;
    struct {
      uint32_t n, n_v_heads;
    } push{static_cast<uint32_t>(n), Hv};
    vk::Binding bindings[] = {{sub_slice(b, offset, bytes), vk::Access::Read},
                              {sub_slice(a, offset, bytes), vk::Access::Read},
                              {dt_bias, vk::Access::Read},
                              {ssm_a, vk::Access::Read},
                              {sub_slice(beta, offset, bytes), vk::Access::Write},
                              {sub_slice(g, offset, bytes), vk::Access::Write}};
    const uint64_t groups = std::clamp<uint64_t>((n + wg - 1) / wg, 1, device.limits().max_group_count[0]);
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, {static_cast<uint32_t>(groups), 1, 1}));
  }
  return Status::ok();
}

Status gated_rms_norm(vk::Sequence& seq, const vk::BufferSlice& o, const vk::BufferSlice& z, const vk::BufferSlice& w,
                      const vk::BufferSlice& y, uint64_t n_cols, float eps) {
  const char* op = "gated_rms_norm";
  if (n_cols == 0) return bad(op, "rows must not be empty");
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_rows, whole_rows(o, n_cols, op, "o"));
  LECTERN_TRY(expect_count(z, n_rows * n_cols, op, "z"));
  LECTERN_TRY(expect_count(y, n_rows * n_cols, op, "y"));
  LECTERN_TRY(expect_count(w, n_cols, op, "w"));
  if (!(eps >= 0.0f)) return bad(op, "eps must be >= 0");
  vk::Device& device = seq.device();
  uint32_t spec[] = {norm_workgroup(device, n_cols)};
  std::string shader = reduction_shader(device, "gdn_gated_norm_f32");
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 4, 12, spec}));
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {n_cols * 4}, n_rows, 1, op));
  LECTERN_TRY(check_u32(chunk * n_cols, op, "elements per dispatch"));
  for (uint64_t first = 0; first < n_rows; first += chunk) {
    const uint64_t rows = std::min(chunk, n_rows - first);
    const uint64_t offset = first * n_cols * 4, bytes = rows * n_cols * 4;
    struct {
      uint32_t n_cols, n_rows;
      float eps;
    } push{static_cast<uint32_t>(n_cols), static_cast<uint32_t>(rows), eps};
    vk::Binding bindings[] = {{sub_slice(o, offset, bytes), vk::Access::Read},
                              {sub_slice(z, offset, bytes), vk::Access::Read},
                              {w, vk::Access::Read},
                              {sub_slice(y, offset, bytes), vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, vk::split_groups(rows, device.limits().max_group_count)));
  }
  return Status::ok();
}

}  // namespace lectern::ops
