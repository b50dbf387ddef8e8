// matmul.cpp: argument checks, kernel and tile choice, and per-row-block (and per-token-chunk) dispatch of the
// weight products.
#include "ops/matmul.h"

#include <algorithm>

#include "ops/kernel_config.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/matrix.h"
#include "vk/pipeline.h"

namespace lectern::ops {

namespace {

// Push constants of matvec.comp (the first three are also matvec_q.comp's).
struct RegisterPush {
  uint32_t n_in, n_rows, y_offset, n_tokens, y_stride;
};

// Push constants of matmul.comp.
struct TiledPush {
  uint32_t n_in, n_tokens, n_rows, y_stride, y_offset;
};

// Y[tokens, :] for every row block with matvec.comp, `tile.tokens` tokens and `tile.rows` rows per workgroup.
Status dispatch_register_tiles(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x,
                               const vk::BufferSlice& y, uint64_t tokens, const RegisterTile& tile) {
  vk::Device& device = seq.device();
  LECTERN_ASSIGN_OR_RETURN(std::string shader, matvec_shader(device, w.dtype()));
  uint32_t spec[] = {tile.wg, tile.rows, tile.tokens};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 3, 20, spec}));
  const auto& max_groups = device.limits().max_group_count;
  uint64_t token_groups = (tokens + tile.tokens - 1) / tile.tokens;
  if (token_groups > max_groups[2]) {
    return Status(ErrorCode::InvalidArgument, "matmul: " + std::to_string(tokens) + " tokens need more workgroups "
                                                  "than the device allows; process fewer tokens per call");
  }
  for (const vk::RowBlock& block : w.blocks()) {
    RegisterPush push{static_cast<uint32_t>(w.n_cols()), static_cast<uint32_t>(block.n_rows),
                      static_cast<uint32_t>(block.first_row), static_cast<uint32_t>(tokens),
                      static_cast<uint32_t>(w.n_rows())};
    vk::Binding bindings[] = {{block.buffer.whole(), vk::Access::Read}, {x, vk::Access::Read}, {y, vk::Access::Write}};
    auto groups = vk::split_groups((block.n_rows + tile.rows - 1) / tile.rows, max_groups);
    groups[2] = static_cast<uint32_t>(token_groups);
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, groups));
  }
  return Status::ok();
}

Status dispatch_shared_tiles(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x,
                             const vk::BufferSlice& y, uint64_t tokens, const MatmulTile& tile) {
  vk::Device& device = seq.device();
  LECTERN_ASSIGN_OR_RETURN(std::string shader, matmul_shader(device, w.dtype()));
  uint32_t spec[] = {tile.bm, tile.bn, tile.bk, tile.tm, tile.tn, tile.workgroup_size()};
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({shader, 3, 20, spec}));
  const auto& max_groups = device.limits().max_group_count;
  uint64_t token_tiles = (tokens + tile.bm - 1) / tile.bm;
  if (token_tiles > max_groups[1]) {
    return Status(ErrorCode::InvalidArgument, "matmul: " + std::to_string(tokens) + " tokens need more workgroups "
                                                  "than the device allows; process fewer tokens per call");
  }
  for (const vk::RowBlock& block : w.blocks()) {
    // matmul.comp addresses weights by flat element index (a quantised block of 4 GiB holds > 2^32 elements).
    LECTERN_TRY(check_u32(block.n_rows * w.n_cols(), "matmul", "weight elements per row block"));
    uint64_t row_tiles = (block.n_rows + tile.bn - 1) / tile.bn;
    if (row_tiles > max_groups[0]) {
      return Status(ErrorCode::InvalidArgument,
                    "matmul: '" + w.name() + "' has too many rows per block for the device's workgroup-count limit");
    }
    TiledPush push{static_cast<uint32_t>(w.n_cols()), static_cast<uint32_t>(tokens),
                   static_cast<uint32_t>(block.n_rows), static_cast<uint32_t>(w.n_rows()),
                   static_cast<uint32_t>(block.first_row)};
    vk::Binding bindings[] = {{block.buffer.whole(), vk::Access::Read}, {x, vk::Access::Read}, {y, vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push,
                             {static_cast<uint32_t>(row_tiles), static_cast<uint32_t>(token_tiles), 1}));
  }
  return Status::ok();
}

}  // namespace

Status matvec(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x, const vk::BufferSlice& y) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_x, f32_count(x, "matvec", "x"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, "matvec", "y"));
  if (n_x != w.n_cols() || n_y != w.n_rows()) {
    return Status(ErrorCode::InvalidArgument, "matvec with '" + w.name() + "' [" + std::to_string(w.n_rows()) + ", " +
                                                  std::to_string(w.n_cols()) + "] needs x of " +
                                                  std::to_string(w.n_cols()) + " and y of " +
                                                  std::to_string(w.n_rows()) + " elements, got " +
                                                  std::to_string(n_x) + " and " + std::to_string(n_y));
  }
  LECTERN_TRY(check_u32(w.n_rows(), "matvec", "rows"));
  return dispatch_register_tiles(seq, w, x, y, 1, kernel_config(seq.device()).matvec);
}

Status matmul(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x, const vk::BufferSlice& y,
              MatmulKernel kernel) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_x, f32_count(x, "matmul", "X"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, "matmul", "Y"));
  uint64_t n_tokens = n_x / w.n_cols();
  if (n_x % w.n_cols() != 0 || n_y != n_tokens * w.n_rows()) {
    return Status(ErrorCode::InvalidArgument, "matmul with '" + w.name() + "' [" + std::to_string(w.n_rows()) + ", " +
                                                  std::to_string(w.n_cols()) + "] needs X of whole rows of " +
                                                  std::to_string(w.n_cols()) + " and Y of n_tokens rows of " +
                                                  std::to_string(w.n_rows()) + "; got X " + std::to_string(n_x) +
                                                  " and Y " + std::to_string(n_y) + " elements");
  }
  vk::Device& device = seq.device();
  KernelConfig config = kernel_config(device);
  const uint64_t x_row = w.n_cols() * 4, y_row = w.n_rows() * 4;
  // X and Y are bound in chunks of whole tokens that fit one binding each (e.g. logits for many positions).
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {x_row, y_row}, n_tokens, 1, "matmul"));
  LECTERN_TRY(check_u32(chunk * w.n_rows(), "matmul", "outputs per dispatch"));
  for (uint64_t t0 = 0; t0 < n_tokens; t0 += chunk) {
    uint64_t tokens = std::min(chunk, n_tokens - t0);
    vk::BufferSlice x_part = sub_slice(x, t0 * x_row, tokens * x_row);
    vk::BufferSlice y_part = sub_slice(y, t0 * y_row, tokens * y_row);
    bool registers = kernel == MatmulKernel::RegisterTiles ||
                     (kernel == MatmulKernel::Auto && tokens <= config.register_max_tokens);
    if (registers) {
      LECTERN_TRY(dispatch_register_tiles(seq, w, x_part, y_part, tokens, config.matmul_register));
    } else {
      const MatmulTile& tile = tokens <= config.matmul_small_max_tokens ? config.matmul_small : config.matmul_large;
      LECTERN_TRY(dispatch_shared_tiles(seq, w, x_part, y_part, tokens, tile));
    }
  }
  return Status::ok();
}

}  // namespace lectern::ops
