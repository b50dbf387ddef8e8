// vision.cpp: argument checks and dispatch of the vision-encoder shaders (layer_norm, gelu, rope_neox,
// attn_segments in key blocks + attn_combine), chunked so every binding fits the device's storage-buffer limit.
#include "ops/vision.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <string>
#include <vector>

#include "ops/kernel_config.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/pipeline.h"

namespace lectern::ops {

namespace {

std::string n_str(uint64_t n) { return std::to_string(n); }

Status invalid(const std::string& message) { return Status(ErrorCode::InvalidArgument, message); }

// Grid-stride launch: enough workgroups to cover n, capped at the device's x limit.
std::array<uint32_t, 3> grid_stride_groups(const vk::Device& device, uint64_t n, uint32_t wg) {
  uint64_t groups = std::min<uint64_t>((n + wg - 1) / wg, device.limits().max_group_count[0]);
  return {static_cast<uint32_t>(std::max<uint64_t>(1, groups)), 1, 1};
}

// The binding covering floats [first, first + count) of `s`, starting at the storage-offset alignment at or below
// the first float, and the index of that float inside the binding. Unsupported when the range exceeds one binding.
struct Window {
  vk::BufferSlice slice;
  uint32_t offset = 0;  // in floats
};

Result<Window> float_window(const vk::Device& device, const vk::BufferSlice& s, uint64_t first, uint64_t count,
                            const std::string& op, const char* what) {
  const uint64_t align = std::max<uint64_t>(1, device.limits().storage_offset_alignment);
  const uint64_t begin = s.offset + first * 4, end = begin + count * 4;
  const uint64_t start = begin / align * align;
  if (end - start > device.limits().max_binding_bytes) {
    return Status(ErrorCode::Unsupported, op + ": " + what + " of one dispatch spans " + vk::format_bytes(end - start) +
                                              ", more than one storage-buffer binding (" +
                                              vk::format_bytes(device.limits().max_binding_bytes) + ") on this device");
  }
  return Window{{s.buffer, start, end - start}, static_cast<uint32_t>((begin - start) / 4)};
}

// attn_segments.comp runs per invocation 1 + head_dim loop iterations per key (the key loop, then two loops over
// head_dim / 2 pairs) plus 3 * head_dim / 2 outside the key loop. lavapipe (gallivm's loop limiter) ends every
// invocation silently after 65,535 loop iterations in all, leaving the output unwritten; keys are therefore split into
// blocks that stay under half of that, on every device (on GPUs the blocks spread the work like flash-decoding).
constexpr uint64_t k_loop_budget = 65535 / 2;
// attn_combine.comp (NO_GATE) loops 2 + ceil(head_dim / 64) times over the splits; 4,096 splits keep it far below the
// limit too (a slice of 2 million patches at head_dim 64).
constexpr uint64_t k_max_splits = 4096;
// The partial results of the key blocks of one query chunk: at most this much scratch (or one binding).
constexpr uint64_t k_max_scratch_bytes = 64ull << 20;
constexpr uint32_t k_attn_wg = 64;

uint64_t ceil_div(uint64_t a, uint64_t b) { return (a + b - 1) / b; }

// How one segment is cut: keys per block (also bounded by one binding of k / v rows), blocks, and the scratch bytes
// one query row needs for the partial (o, m, l) of every block.
struct SegmentPlan {
  uint64_t block_keys = 0;
  uint64_t n_splits = 0;
  uint64_t part_row_bytes = 0;
};

// Rows of row_stride floats (the last one only n_head * head_dim long) that one binding holds from any offset.
uint64_t rows_per_binding(const vk::Device& device, const AttentionRows& rows) {
  const uint64_t align = std::max<uint64_t>(1, device.limits().storage_offset_alignment);
  const uint64_t bytes = device.limits().max_binding_bytes;
  const uint64_t width_bytes = uint64_t(rows.n_head) * rows.head_dim * 4, stride_bytes = uint64_t(rows.row_stride) * 4;
  if (bytes < align + width_bytes) return 0;
  return 1 + (bytes - align - width_bytes) / stride_bytes;
}

Result<SegmentPlan> plan_segment(const vk::Device& device, const AttentionRows& rows, uint64_t len,
                                 const std::string& op) {
  const uint64_t loop_keys = (k_loop_budget - 3 * (rows.head_dim / 2)) / (rows.head_dim + 1);
  const uint64_t binding_rows = rows_per_binding(device, rows);
  if (binding_rows == 0) {
    return Status(ErrorCode::Unsupported, op + ": one row of " + n_str(rows.n_head) + " heads x " +
                                              n_str(rows.head_dim) + " floats does not fit one storage-buffer binding (" +
                                              vk::format_bytes(device.limits().max_binding_bytes) + ") on this device");
  }
  SegmentPlan plan;
  const uint64_t max_keys = std::min(loop_keys, binding_rows);
  plan.n_splits = ceil_div(len, max_keys);
  if (plan.n_splits > k_max_splits) {
    return Status(ErrorCode::Unsupported, op + ": an image slice of " + n_str(len) + " patches needs more than " +
                                              n_str(k_max_splits) + " key blocks of " + n_str(max_keys) +
                                              "; lower the image resolution");
  }
  plan.block_keys = ceil_div(len, plan.n_splits);  // blocks of equal size (the last may be shorter)
  plan.n_splits = ceil_div(len, plan.block_keys);
  plan.part_row_bytes = plan.n_splits > 1 ? plan.n_splits * rows.n_head * (uint64_t(rows.head_dim) + 2) * 4 : 0;
  return plan;
}

Status check_rows(const AttentionRows& rows, const std::string& op) {
  const uint64_t width = uint64_t(rows.n_head) * rows.head_dim;
  if (rows.n_head == 0 || rows.head_dim == 0 || rows.head_dim % 2 != 0 || rows.head_dim > 256 ||
      rows.row_stride < width) {
    return invalid(op + ": need n_head > 0, an even head_dim in [2, 256] and row_stride >= n_head * head_dim; got " +
                   n_str(rows.n_head) + ", " + n_str(rows.head_dim) + ", " + n_str(rows.row_stride));
  }
  return Status::ok();
}

}  // namespace

Status layer_norm(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& w, const vk::BufferSlice& b,
                  const vk::BufferSlice& y, uint64_t n_cols, float eps) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n, f32_count(x, "layer_norm", "x"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_w, f32_count(w, "layer_norm", "w"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_b, f32_count(b, "layer_norm", "b"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, "layer_norm", "y"));
  if (n_cols == 0 || n % n_cols != 0 || n_w != n_cols || n_b != n_cols || n_y != n) {
    return invalid("layer_norm: rows of " + n_str(n_cols) + " need x and y of whole rows and w and b of one row; got x " +
                   n_str(n) + ", w " + n_str(n_w) + ", b " + n_str(n_b) + ", y " + n_str(n_y) + " elements");
  }
  if (!(eps >= 0.0f)) return invalid("layer_norm: eps must be >= 0");
  const uint64_t n_rows = n / n_cols;
  vk::Device& device = seq.device();
  uint32_t spec[] = {norm_workgroup(device, n_cols)};
  std::string shader = reduction_shader(device, "layer_norm_f32");
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 4, 12, spec}));
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {n_cols * 4}, n_rows, 1, "layer_norm"));
  LECTERN_TRY(check_u32(chunk * n_cols, "layer_norm", "elements per dispatch"));
  for (uint64_t first = 0; first < n_rows; first += chunk) {
    const uint64_t rows = std::min(chunk, n_rows - first);
    struct {
      uint32_t n_cols, n_rows;
      float eps;
    } push{static_cast<uint32_t>(n_cols), static_cast<uint32_t>(rows), eps};
    const uint64_t offset = first * n_cols * 4, bytes = rows * n_cols * 4;
    vk::Binding bindings[] = {{sub_slice(x, offset, bytes), vk::Access::Read},
                              {w, vk::Access::Read},
                              {b, vk::Access::Read},
                              {sub_slice(y, offset, bytes), vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, vk::split_groups(rows, device.limits().max_group_count)));
  }
  return Status::ok();
}

Status gelu(vk::Sequence& seq, Gelu kind, const vk::BufferSlice& x, const vk::BufferSlice& bias,
            const vk::BufferSlice& y) {
  const char* op = kind == Gelu::Tanh ? "gelu_tanh" : "gelu_erf";
  LECTERN_ASSIGN_OR_RETURN(uint64_t n, f32_count(x, op, "x"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, op, "y"));
  uint64_t n_b = 0;
  if (bias.buffer != nullptr) {
    LECTERN_ASSIGN_OR_RETURN(n_b, f32_count(bias, op, "bias"));
  }
  if (n_y != n || (n_b != 0 && n % n_b != 0)) {
    return invalid(std::string(op) + ": x has " + n_str(n) + " elements, bias " + n_str(n_b) + ", y " + n_str(n_y) +
                   "; the bias must be a row whose length divides x, y must match x");
  }
  vk::Device& device = seq.device();
  KernelConfig config = kernel_config(device);
  uint32_t spec[] = {config.elementwise_wg};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline,
                           device.pipelines().get({kind == Gelu::Tanh ? "gelu_tanh_f32" : "gelu_erf_f32", 3, 8, spec}));
  // Chunks hold whole bias rows, so `i % n_bias` stays right inside each.
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {4}, n, std::max<uint64_t>(1, n_b), op));
  LECTERN_TRY(check_u32(chunk, op, "elements per dispatch"));
  for (uint64_t first = 0; first < n; first += chunk) {
    const uint64_t count = std::min(chunk, n - first);
    const vk::BufferSlice x_part = sub_slice(x, first * 4, count * 4);
    struct {
      uint32_t n, n_bias;
    } push{static_cast<uint32_t>(count), static_cast<uint32_t>(n_b)};
    // Without a bias the shader never reads binding 1; x stands in for it.
    vk::Binding bindings[] = {{x_part, vk::Access::Read},
                              {n_b != 0 ? bias : x_part, vk::Access::Read},
                              {sub_slice(y, first * 4, count * 4), vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, grid_stride_groups(device, count, config.elementwise_wg)));
  }
  return Status::ok();
}

std::vector<float> rope_cos_sin(std::span<const float> angles) {
  std::vector<float> out(angles.size() * 2);
  for (size_t i = 0; i < angles.size(); ++i) {
    out[2 * i] = static_cast<float>(std::cos(double(angles[i])));
    out[2 * i + 1] = static_cast<float>(std::sin(double(angles[i])));
  }
  return out;
}

Status rope_neox(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& y, const RopeRows& rows,
                 const vk::BufferSlice& cos_sin) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_x, f32_count(x, "rope_neox", "x"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, "rope_neox", "y"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_cs, f32_count(cos_sin, "rope_neox", "cos_sin"));
  const uint64_t width = uint64_t(rows.n_head) * rows.head_dim, half = rows.head_dim / 2;
  if (rows.n_head == 0 || rows.head_dim == 0 || rows.head_dim % 2 != 0 || rows.row_stride < width) {
    return invalid("rope_neox: need n_head > 0, an even head_dim > 0 and row_stride >= n_head * head_dim; got " +
                   n_str(rows.n_head) + ", " + n_str(rows.head_dim) + ", " + n_str(rows.row_stride));
  }
  if (n_cs % (2 * half) != 0) {
    return invalid("rope_neox: cos_sin has " + n_str(n_cs) + " floats, not whole rows of " + n_str(half) +
                   " (cos, sin) pairs");
  }
  const uint64_t n_rows = n_cs / (2 * half);
  const uint64_t need = (n_rows - 1) * rows.row_stride + width;
  if (n_x < need || n_y < need) {
    return invalid("rope_neox: " + n_str(n_rows) + " rows of stride " + n_str(rows.row_stride) + " need " +
                   n_str(need) + " floats in x and y; got " + n_str(n_x) + " and " + n_str(n_y));
  }
  vk::Device& device = seq.device();
  KernelConfig config = kernel_config(device);
  uint32_t spec[] = {config.elementwise_wg};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({"rope_neox_f32", 3, 16, spec}));
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {uint64_t(rows.row_stride) * 4, half * 8}, n_rows,
                                                           1, "rope_neox"));
  LECTERN_TRY(check_u32(chunk * rows.row_stride, "rope_neox", "floats per dispatch"));
  for (uint64_t first = 0; first < n_rows; first += chunk) {
    const uint64_t count = std::min(chunk, n_rows - first);
    const uint64_t offset = first * rows.row_stride * 4, bytes = ((count - 1) * rows.row_stride + width) * 4;
    struct {
      uint32_t n_rows, n_head, half_dim, row_stride;
    } push{static_cast<uint32_t>(count), rows.n_head, static_cast<uint32_t>(half), rows.row_stride};
    vk::Binding bindings[] = {{sub_slice(x, offset, bytes), vk::Access::Read},
                              {sub_slice(cos_sin, first * half * 8, count * half * 8), vk::Access::Read},
                              {sub_slice(y, offset, bytes), vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push,
                             grid_stride_groups(device, count * rows.n_head * half, config.elementwise_wg)));
  }
  return Status::ok();
}

Result<uint64_t> attention_segments_scratch_bytes(const vk::Device& device, const AttentionRows& rows,
                                                  std::span<const uint32_t> segments) {
  const std::string op = "attention_segments";
  LECTERN_TRY(check_rows(rows, op));
  const uint64_t cap = std::min(k_max_scratch_bytes, device.limits().max_binding_bytes);
  uint64_t best = 0;
  for (uint32_t len : segments) {
    LECTERN_ASSIGN_OR_RETURN(SegmentPlan plan, plan_segment(device, rows, len, op));
    if (plan.part_row_bytes == 0) continue;
    if (plan.part_row_bytes > cap) {
      return Status(ErrorCode::Unsupported, op + ": the " + n_str(plan.n_splits) + " key blocks of a slice of " +
                                                n_str(len) + " patches need " + vk::format_bytes(plan.part_row_bytes) +
                                                " per query row, more than one binding (" + vk::format_bytes(cap) +
                                                "); lower the image resolution");
    }
    best = std::max(best, std::min(uint64_t(len), cap / plan.part_row_bytes) * plan.part_row_bytes);
  }
  return best;
}

Status attention_segments(vk::Sequence& seq, const vk::BufferSlice& q, const vk::BufferSlice& k,
                          const vk::BufferSlice& v, const AttentionRows& rows, std::span<const uint32_t> segments,
                          float scale, const vk::BufferSlice& out, const vk::BufferSlice& scratch) {
  const std::string op = "attention_segments";
  LECTERN_TRY(check_rows(rows, op));
  const uint64_t width = uint64_t(rows.n_head) * rows.head_dim;
  uint64_t n = 0;
  for (uint32_t len : segments) {
    if (len == 0) return invalid(op + ": segment lengths must be > 0");
    n += len;
  }
  if (n == 0) return invalid(op + ": no segments");
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_q, f32_count(q, op, "q"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_k, f32_count(k, op, "k"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_v, f32_count(v, op, "v"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_out, f32_count(out, op, "out"));
  const uint64_t need = (n - 1) * rows.row_stride + width;
  if (n_q < need || n_k < need || n_v < need || n_out != n * width) {
    return invalid(op + ": the segments sum to " + n_str(n) + " rows of " + n_str(rows.n_head) + " heads x " +
                   n_str(rows.head_dim) + " (row stride " + n_str(rows.row_stride) + "): q, k, v need " + n_str(need) +
                   " floats and out exactly " + n_str(n * width) + "; got " + n_str(n_q) + ", " + n_str(n_k) + ", " +
                   n_str(n_v) + ", " + n_str(n_out));
  }
  LECTERN_TRY(check_u32(n * rows.row_stride, op, "floats of q, k, v"));
  vk::Device& device = seq.device();
  LECTERN_ASSIGN_OR_RETURN(uint64_t scratch_need, attention_segments_scratch_bytes(device, rows, segments));
  const uint64_t scratch_size = scratch.buffer != nullptr ? std::min(scratch.size, device.limits().max_binding_bytes) : 0;
  if (scratch_size < scratch_need) {
    return invalid(op + ": needs " + n_str(scratch_need) + " bytes of scratch for the key blocks of its longest " +
                   "segment, got " + n_str(scratch_size) + "; size it with attention_segments_scratch_bytes");
  }
  const uint32_t wg = std::min<uint32_t>(k_attn_wg, std::bit_floor(std::max<uint32_t>(1, device.limits().max_workgroup_invocations)));
  uint32_t spec[] = {wg, rows.head_dim};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({"attn_segments_f32", 4, 44, spec}));
  uint32_t combine_spec[] = {k_attn_wg};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* combine,
                           device.pipelines().get({"attn_segments_combine_f32", 2, 16, combine_spec}));
  const auto& max_groups = device.limits().max_group_count;
  const uint64_t binding_rows = rows_per_binding(device, rows);

  uint64_t first = 0;
  for (uint32_t len : segments) {
    LECTERN_ASSIGN_OR_RETURN(SegmentPlan plan, plan_segment(device, rows, len, op));
    // Query rows per chunk: one binding of q and out, and (with several key blocks) the scratch.
    uint64_t chunk = std::min<uint64_t>(len, binding_rows);
    if (plan.n_splits > 1) chunk = std::min(chunk, scratch_size / plan.part_row_bytes);
    for (uint64_t t0 = 0; t0 < len; t0 += chunk) {
      const uint64_t n_rows_q = std::min(chunk, len - t0);
      const uint64_t q_first = (first + t0) * rows.row_stride;
      LECTERN_ASSIGN_OR_RETURN(Window wq, float_window(device, q, q_first, (n_rows_q - 1) * rows.row_stride + width,
                                                       op, "q"));
      LECTERN_ASSIGN_OR_RETURN(Window wo, float_window(device, out, (first + t0) * width, n_rows_q * width, op, "out"));
      const uint64_t n_splits = plan.n_splits;
      const vk::BufferSlice part =
          n_splits > 1 ? sub_slice(scratch, 0, n_rows_q * plan.part_row_bytes) : vk::BufferSlice{};
      for (uint64_t b = 0; b < n_splits; ++b) {
        const uint64_t key0 = b * plan.block_keys, n_keys = std::min(plan.block_keys, uint64_t(len) - key0);
        const uint64_t k_first = (first + key0) * rows.row_stride, k_span = (n_keys - 1) * rows.row_stride + width;
        LECTERN_ASSIGN_OR_RETURN(Window wk, float_window(device, k, k_first, k_span, op, "k"));
        LECTERN_ASSIGN_OR_RETURN(Window wv, float_window(device, v, k_first, k_span, op, "v"));
        struct {
          uint32_t n_q, n_keys, n_head, row_stride, q_off, k_off, v_off, o_off, split, n_splits;
          float scale;
        } push{static_cast<uint32_t>(n_rows_q), static_cast<uint32_t>(n_keys), rows.n_head, rows.row_stride,
               wq.offset, wk.offset, wv.offset, n_splits > 1 ? 0u : wo.offset, static_cast<uint32_t>(b),
               n_splits > 1 ? static_cast<uint32_t>(n_splits) : 0u, scale};
        vk::Binding bindings[] = {{wq.slice, vk::Access::Read},
                                  {wk.slice, vk::Access::Read},
                                  {wv.slice, vk::Access::Read},
                                  {n_splits > 1 ? part : wo.slice, vk::Access::Write}};
        const uint64_t n_groups = ceil_div(n_rows_q, wg) * rows.n_head;
        LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, vk::split_groups(n_groups, max_groups)));
      }
      if (n_splits > 1) {
        struct {
          uint32_t n_rows, head_dim, n_splits, o_off;
        } push{static_cast<uint32_t>(n_rows_q * rows.n_head), rows.head_dim, static_cast<uint32_t>(n_splits),
               wo.offset};
        vk::Binding bindings[] = {{part, vk::Access::Read}, {wo.slice, vk::Access::Write}};
        LECTERN_TRY(seq.dispatch(*combine, bindings, push, vk::split_groups(n_rows_q * rows.n_head, max_groups)));
      }
    }
    first += len;
  }
  return Status::ok();
}

}  // namespace lectern::ops
