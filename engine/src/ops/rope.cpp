// rope.cpp: the fixed-point RoPE frequency table and argument checks / dispatch of rope_norm_f32[_sg].
#include "ops/rope.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "ops/kernel_config.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/pipeline.h"
#include "vk/transfer.h"

namespace lectern::ops {

namespace {

// ggml IMROPE sector rule (qwen35.md §2.5.3): which position component frequency pair i uses.
uint32_t imrope_axis(uint32_t i, const std::array<uint32_t, 4>& sec) {
  const uint32_t total = sec[0] + sec[1] + sec[2] + sec[3];
  const uint32_t s = total == 0 ? i : i % total;
  if (s % 3 == 1 && s < 3 * sec[1]) return 1;
  if (s % 3 == 2 && s < 3 * sec[2]) return 2;
  if (s % 3 == 0 && s < 3 * sec[0]) return 0;
  return 0;  // the 4th component: positions carry (T, H, W) only, so T (as cpu/qwen35_reference.cpp)
}

Status check_config(const RopeConfig& c) {
  if (c.n_rot == 0 || c.n_rot % 2 != 0) {
    return Status(ErrorCode::InvalidArgument, "rope: n_rot " + std::to_string(c.n_rot) + " must be even and > 0");
  }
  if (!(c.theta > 1.0) || !std::isfinite(c.theta)) {
    return Status(ErrorCode::InvalidArgument, "rope: theta must be a finite number > 1");
  }
  return Status::ok();
}

}  // namespace

std::vector<uint32_t> rope_table_entries(const RopeConfig& config) {
  const uint32_t n_pairs = config.n_rot / 2;
  std::vector<uint32_t> out(4 * static_cast<size_t>(n_pairs));
  const long double two_pi = 6.283185307179586476925286766559L;
  for (uint32_t i = 0; i < n_pairs; ++i) {
    const long double inv_freq =
        std::pow(static_cast<long double>(config.theta), -2.0L * i / static_cast<long double>(config.n_rot));
    // inv_freq <= 1, so the fraction is below 1 / (2 pi) < 2^-2 and F fits in 62 bits.
    const long double turns = std::ldexp(inv_freq / two_pi, 64);
    const uint64_t f = static_cast<uint64_t>(turns + 0.5L);
    out[4 * i] = static_cast<uint32_t>(f);
    out[4 * i + 1] = static_cast<uint32_t>(f >> 32);
    out[4 * i + 2] = imrope_axis(i, config.sections);
    out[4 * i + 3] = 0;
  }
  return out;
}

Result<RopeTable> RopeTable::create(const vk::Device& device, vk::Transfer& transfer, const RopeConfig& config) {
  LECTERN_TRY(check_config(config));
  std::vector<uint32_t> entries = rope_table_entries(config);
  const uint64_t bytes = entries.size() * sizeof(uint32_t);
  LECTERN_ASSIGN_OR_RETURN(vk::Buffer buffer,
                           vk::Buffer::create(device, bytes, vk::MemoryUsage::DeviceLocal, "rope frequency table"));
  LECTERN_TRY(transfer.upload(buffer, 0, entries.data(), bytes));
  RopeTable table;
  table.config_ = config;
  table.buffer_ = std::move(buffer);
  return table;
}

Status head_norm_rope(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& y, const HeadLayout& layout,
                      const vk::BufferSlice& w, float eps, const RopeTable& table, const vk::BufferSlice& positions) {
  const char* op = "head_norm_rope";
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_x, f32_count(x, op, "x"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, op, "y"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_pos, f32_count(positions, op, "positions"));  // int32: same size as f32
  const HeadLayout& l = layout;
  const uint32_t n_rot = table.config().n_rot;
  const std::string shape = "(heads " + std::to_string(l.n_head) + " x " + std::to_string(l.head_dim) +
                            ", head_stride " + std::to_string(l.head_stride) + ", row_stride " +
                            std::to_string(l.row_stride) + ", n_rot " + std::to_string(n_rot) + ")";
  if (l.n_head == 0 || l.head_dim == 0 || l.head_stride < l.head_dim ||
      static_cast<uint64_t>(l.n_head - 1) * l.head_stride + l.head_dim > l.row_stride) {
    return Status(ErrorCode::InvalidArgument, std::string(op) + ": heads do not fit in the row " + shape);
  }
  if (n_rot > l.head_dim || !table.buffer().valid()) {
    return Status(ErrorCode::InvalidArgument,
                  std::string(op) + ": the rope table must exist and rotate at most head_dim dims " + shape);
  }
  const uint64_t n_tokens = n_x / l.row_stride;
  if (n_x % l.row_stride != 0 || n_y != n_x || n_pos != 3 * n_tokens) {
    return Status(ErrorCode::InvalidArgument, std::string(op) + ": x must hold whole rows of " +
                                                  std::to_string(l.row_stride) + " floats, y the same, positions 3 "
                                                  "int32 per token; got x " + std::to_string(n_x) + ", y " +
                                                  std::to_string(n_y) + ", positions " + std::to_string(n_pos));
  }
  const bool use_norm = w.buffer != nullptr;
  if (use_norm) {
    LECTERN_ASSIGN_OR_RETURN(uint64_t n_w, f32_count(w, op, "w"));
    if (n_w != l.head_dim) {
      return Status(ErrorCode::InvalidArgument, std::string(op) + ": w has " + std::to_string(n_w) +
                                                    " elements, expected head_dim " + std::to_string(l.head_dim));
    }
  }
  if (!(eps >= 0.0f)) return Status(ErrorCode::InvalidArgument, std::string(op) + ": eps must be >= 0");

  vk::Device& device = seq.device();
  uint32_t spec[] = {norm_workgroup(device, l.head_dim)};
  std::string shader = reduction_shader(device, "rope_norm_f32");
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 5, 32, spec}));
  // x, y and positions in chunks of whole tokens that fit one binding each; w and the table are bound whole.
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {uint64_t{l.row_stride} * 4, 12}, n_tokens, 1, op));
  LECTERN_TRY(check_u32(chunk * l.n_head, op, "heads per dispatch"));
  const vk::BufferSlice w_bound = use_norm ? w : table.buffer().whole();  // any valid buffer when unused
  for (uint64_t first = 0; first < n_tokens; first += chunk) {
    const uint64_t tokens = std::min(chunk, n_tokens - first);
    struct {
      uint32_t n_tokens, n_head, head_dim, head_stride, row_stride, n_pairs, use_norm;
      float eps;
    } push{static_cast<uint32_t>(tokens), l.n_head, l.head_dim, l.head_stride, l.row_stride, n_rot / 2,
           use_norm ? 1u : 0u, eps};
    const uint64_t offset = first * l.row_stride * 4, bytes = tokens * l.row_stride * 4;
    vk::Binding bindings[] = {{sub_slice(x, offset, bytes), vk::Access::Read},
                              {w_bound, vk::Access::Read},
                              {table.buffer().whole(), vk::Access::Read},
                              {sub_slice(positions, first * 12, tokens * 12), vk::Access::Read},
                              {sub_slice(y, offset, bytes), vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push,
                             vk::split_groups(tokens * l.n_head, device.limits().max_group_count)));
  }
  return Status::ok();
}

}  // namespace lectern::ops
