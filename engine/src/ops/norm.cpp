// norm.cpp: argument checks and dispatch of rms_norm_f32[_sg], one workgroup per row.
#include "ops/norm.h"

#include <algorithm>

#include "ops/kernel_config.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/pipeline.h"

namespace lectern::ops {

Status rms_norm(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& w, const vk::BufferSlice& y,
                uint64_t n_cols, float eps, float w_offset) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n, f32_count(x, "rms_norm", "x"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_w, f32_count(w, "rms_norm", "w"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, "rms_norm", "y"));
  if (n_cols == 0 || n % n_cols != 0 || n_w != n_cols || n_y != n) {
    return Status(ErrorCode::InvalidArgument, "rms_norm: rows of " + std::to_string(n_cols) + " need x and y of whole "
                                                  "rows and w of one row; got x " + std::to_string(n) + ", w " +
                                                  std::to_string(n_w) + ", y " + std::to_string(n_y) + " elements");
  }
  if (!(eps >= 0.0f)) return Status(ErrorCode::InvalidArgument, "rms_norm: eps must be >= 0");
  uint64_t n_rows = n / n_cols;
  vk::Device& device = seq.device();
  uint32_t spec[] = {norm_workgroup(device, n_cols)};
  std::string shader = reduction_shader(device, "rms_norm_f32");
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 3, 16, spec}));
  // x and y in chunks of whole rows that fit one binding each; w is bound whole.
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {n_cols * 4}, n_rows, 1, "rms_norm"));
  LECTERN_TRY(check_u32(chunk * n_cols, "rms_norm", "elements per dispatch"));
  for (uint64_t first = 0; first < n_rows; first += chunk) {
    uint64_t rows = std::min(chunk, n_rows - first);
    struct {
      uint32_t n_cols, n_rows;
      float eps, w_offset;
    } push{static_cast<uint32_t>(n_cols), static_cast<uint32_t>(rows), eps, w_offset};
    uint64_t offset = first * n_cols * 4, bytes = rows * n_cols * 4;
    vk::Binding bindings[] = {{sub_slice(x, offset, bytes), vk::Access::Read},
                              {w, vk::Access::Read},
                              {sub_slice(y, offset, bytes), vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, vk::split_groups(rows, device.limits().max_group_count)));
  }
  return Status::ok();
}

}  // namespace lectern::ops
