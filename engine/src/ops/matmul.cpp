// matmul.cpp: argument checks, kernel and tile choice, and per-row-block (and per-token-chunk) dispatch of the
// weight products.
#include "ops/matmul.h"

#include <algorithm>
#include <bit>
#include <optional>

#include "ops/kernel_config.h"
#include "ops/matvec_q8.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/env.h"
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

// Y[tokens, :] for every row block with `shader` (matvec.comp, matvec_q.comp or matmul_lanes.comp, which share
// their push constants and grid), `tile.tokens` tokens and `tile.rows` rows per workgroup.
Status dispatch_register_tiles(vk::Sequence& seq, const std::string& shader, const vk::DeviceMatrix& w,
                               const vk::BufferSlice& x, const vk::BufferSlice& y, uint64_t tokens,
                               const RegisterTile& tile) {
  vk::Device& device = seq.device();
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

// Push constants of matvec_xreg.comp.
struct XregPush {
  uint32_t n_in, n_rows, y_offset, accumulate;
  float eps;  // the _norm variant's RMSNorm epsilon
};

// The x-in-registers kernel for w, when the device uses it and w's rows are whole chunks.
std::optional<XregKernel> xreg_for(const vk::Device& device, const vk::DeviceMatrix& w) {
  std::optional<XregKernel> k = matvec_xreg_kernel(device, w.dtype());
  if (!k || w.n_cols() < k->row_multiple || w.n_cols() % k->row_multiple != 0) return std::nullopt;
  return k;
}

// y (+)= W x with matvec_xreg.comp, one dispatch per row block.
// With `up` given, x is the gate and the product's input silu(x) * up (the _glu variant); with `norm`, the input is
// rms_norm(x) (the _norm variant). Not both.
Status dispatch_xreg(vk::Sequence& seq, const XregKernel& kernel, const vk::DeviceMatrix& w, const vk::BufferSlice& x,
                     const vk::BufferSlice& y, bool accumulate, const vk::BufferSlice* up = nullptr,
                     const InputNorm* norm = nullptr) {
  vk::Device& device = seq.device();
  const KernelConfig config = kernel_config(device);
  const uint32_t sg = device.limits().subgroup_size;
  uint32_t spec[] = {sg, config.matvec_xreg_groups};
  const std::string shader = kernel.shader + (up ? "_glu" : norm ? "_norm" : "");
  const bool extra = up || norm;
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline,
                           device.pipelines().get({shader, extra ? 4u : 3u, sizeof(XregPush), spec}));
  const uint64_t rows_per_group = uint64_t{sg} * config.matvec_xreg_groups;
  // Read back by later tiles, when accumulating, and by the norm's final scaling.
  const vk::Access y_access = accumulate || norm || w.n_cols() > uint64_t{kernel.chunk} * sg ? vk::Access::ReadWrite
                                                                                               : vk::Access::Write;
  for (const vk::RowBlock& block : w.blocks()) {
    XregPush push{static_cast<uint32_t>(w.n_cols()), static_cast<uint32_t>(block.n_rows),
                  static_cast<uint32_t>(block.first_row), accumulate ? 1u : 0u, norm ? norm->eps : 0.0f};
    vk::Binding bindings[] = {{block.buffer.whole(), vk::Access::Read}, {x, vk::Access::Read}, {y, y_access},
                              {up ? *up : norm ? norm->w : x, vk::Access::Read}};
    auto groups = vk::split_groups((block.n_rows + rows_per_group - 1) / rows_per_group,
                                   device.limits().max_group_count);
    LECTERN_TRY(seq.dispatch(*pipeline, std::span<const vk::Binding>(bindings, extra ? 4 : 3), push, groups));
  }
  return Status::ok();
}

// The norm weights must match the product's columns.
Status check_norm(const InputNorm& norm, uint64_t n_in, const char* op) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_w, f32_count(norm.w, op, "norm weights"));
  if (n_w != n_in) {
    return Status(ErrorCode::InvalidArgument, std::string(op) + ": the RMSNorm weights have " + std::to_string(n_w) +
                                                  " elements, the input " + std::to_string(n_in) +
                                                  "; pass the norm that belongs to this input");
  }
  return Status::ok();
}

// LECTERN_VK_NORM_FUSION=0: RMSNorm as its own dispatch even where the product could fold it in (read once).
bool norm_fusion_disabled() {
  static const bool disabled = [] {
    std::optional<std::string> v = vk::env_string("LECTERN_VK_NORM_FUSION");
    return v && *v == "0";
  }();
  return disabled;
}

bool is_kquant(DType t) { return t == DType::Q4_K || t == DType::Q5_K || t == DType::Q6_K; }

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
  if (matvec_q8_applies(seq.device(), w)) return matvec_q8_f32(seq, w, x, y);  // GPU profile, 8-bit storage
  if (auto k = xreg_for(seq.device(), w)) return dispatch_xreg(seq, *k, w, x, y, false);
  LECTERN_ASSIGN_OR_RETURN(std::string shader, matvec_shader(seq.device(), w.dtype()));
  return dispatch_register_tiles(seq, shader, w, x, y, 1, kernel_config(seq.device()).matvec);
}

Status matvec_glu_add(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& gate,
                      const vk::BufferSlice& up, const vk::BufferSlice& y) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_g, f32_count(gate, "matvec_glu_add", "gate"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_u, f32_count(up, "matvec_glu_add", "up"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, "matvec_glu_add", "y"));
  if (n_g != w.n_cols() || n_u != w.n_cols() || n_y != w.n_rows()) {
    return Status(ErrorCode::InvalidArgument, "matvec_glu_add with '" + w.name() + "' [" +
                                                  std::to_string(w.n_rows()) + ", " + std::to_string(w.n_cols()) +
                                                  "] needs gate and up of " + std::to_string(w.n_cols()) +
                                                  " and y of " + std::to_string(w.n_rows()) + " elements, got " +
                                                  std::to_string(n_g) + ", " + std::to_string(n_u) + " and " +
                                                  std::to_string(n_y));
  }
  LECTERN_TRY(check_u32(w.n_rows(), "matvec_glu_add", "rows"));
  auto k = xreg_for(seq.device(), w);
  if (!k) {
    return Status(ErrorCode::Unsupported, "matvec_glu_add: no accumulating decode kernel for '" + w.name() + "' (" +
                                              dtype_name(w.dtype()) + ") on " + seq.device().info().name +
                                              "; check matvec_can_accumulate and use silu_mul + matvec + add");
  }
  return dispatch_xreg(seq, *k, w, gate, y, true, &up);
}

Status matvec_norm(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x, const InputNorm& norm,
                   const vk::BufferSlice& y) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_x, f32_count(x, "matvec_norm", "x"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, "matvec_norm", "y"));
  if (n_x != w.n_cols() || n_y != w.n_rows()) {
    return Status(ErrorCode::InvalidArgument, "matvec_norm with '" + w.name() + "' [" + std::to_string(w.n_rows()) +
                                                  ", " + std::to_string(w.n_cols()) + "] needs x of " +
                                                  std::to_string(w.n_cols()) + " and y of " +
                                                  std::to_string(w.n_rows()) + " elements, got " +
                                                  std::to_string(n_x) + " and " + std::to_string(n_y));
  }
  LECTERN_TRY(check_norm(norm, n_x, "matvec_norm"));
  LECTERN_TRY(check_u32(w.n_rows(), "matvec_norm", "rows"));
  auto k = xreg_for(seq.device(), w);
  if (!k || norm_fusion_disabled()) {
    return Status(ErrorCode::Unsupported, "matvec_norm: no fused-norm decode kernel for '" + w.name() + "' (" +
                                              dtype_name(w.dtype()) + ") on " + seq.device().info().name +
                                              "; check matvec_can_accumulate and use rms_norm + matvec");
  }
  return dispatch_xreg(seq, *k, w, x, y, false, nullptr, &norm);
}

bool matvec_can_norm(const vk::Device& device, const vk::DeviceMatrix& w) {
  return !norm_fusion_disabled() && xreg_for(device, w).has_value();
}

bool matvec_multi_supported(const vk::Device& device, std::span<const MatvecOut> outs) {
  if (outs.empty() || outs.size() > 4) return false;
  for (const MatvecOut& o : outs) {
    if (o.w == nullptr) return false;
    // One weight type, or K-quants of any mix (one shader picks the layout per matrix).
    const bool same_type = o.w->dtype() == outs[0].w->dtype() || (is_kquant(o.w->dtype()) &&
                                                                  is_kquant(outs[0].w->dtype()));
    if (!same_type || o.w->n_cols() != outs[0].w->n_cols() || o.w->blocks().size() != 1 || !xreg_for(device, *o.w))
      return false;
  }
  return true;
}

Status matvec_multi(vk::Sequence& seq, std::span<const MatvecOut> outs, const vk::BufferSlice& x,
                    const InputNorm* norm) {
  vk::Device& device = seq.device();
  if (!matvec_multi_supported(device, outs)) {
    return Status(ErrorCode::Unsupported, "matvec_multi: needs 1 to 4 matrices of one weight type with the "
                                          "x-in-registers kernel, one row block each, and equal columns on " +
                                              device.info().name + "; use matvec per matrix");
  }
  const vk::DeviceMatrix& w0 = *outs[0].w;
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_x, f32_count(x, "matvec_multi", "x"));
  if (n_x != w0.n_cols())
    return Status(ErrorCode::InvalidArgument, "matvec_multi: x has " + std::to_string(n_x) + " elements, the "
                                                  "matrices " + std::to_string(w0.n_cols()) + " columns");
  for (const MatvecOut& o : outs) {
    LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(o.y, "matvec_multi", "y"));
    if (n_y != o.w->n_rows())
      return Status(ErrorCode::InvalidArgument, "matvec_multi: y for '" + o.w->name() + "' has " +
                                                    std::to_string(n_y) + " elements, the matrix " +
                                                    std::to_string(o.w->n_rows()) + " rows");
  }
  if (norm) {
    LECTERN_TRY(check_norm(*norm, n_x, "matvec_multi"));
    if (norm_fusion_disabled())
      return Status(ErrorCode::Unsupported, "matvec_multi: the fused RMSNorm is off (LECTERN_VK_NORM_FUSION=0); "
                                            "use rms_norm + matvec_multi");
  }
  const XregKernel kernel = *xreg_for(device, w0);
  const KernelConfig config = kernel_config(device);
  const uint32_t sg = device.limits().subgroup_size;
  // K-quants: the ggml type of each slot as specialisation constants 2..5 (unused slots repeat slot 0).
  uint32_t spec[6] = {sg, config.matvec_xreg_groups};
  const bool kquant = is_kquant(w0.dtype());
  for (size_t i = 0; i < 4; ++i) spec[2 + i] = static_cast<uint32_t>(outs[i < outs.size() ? i : 0].w->dtype());
  const uint64_t rows_per_group = uint64_t{sg} * config.matvec_xreg_groups;
  struct {
    uint32_t n_in;
    float eps;          // _norm: the RMSNorm epsilon
    uint32_t pad[2];    // uvec4 members start on 16 bytes (std430 push-constant layout)
    uint32_t n_rows[4], first_group[4];
  } push{};
  // The push block is n_in, eps, then two uvec4 at offsets 16 and 32: 48 bytes.
  static_assert(sizeof(push) == 48);
  const std::string shader = (kquant ? std::string("matvec_kquant_f32_xreg") : kernel.shader) + "_multi" +
                             (norm ? "_norm" : "");
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline,
                           device.pipelines().get({shader, norm ? 10u : 9u, sizeof(push),
                                                   std::span<const uint32_t>(spec, kquant ? 6 : 2)}));
  push.n_in = static_cast<uint32_t>(w0.n_cols());
  push.eps = norm ? norm->eps : 0.0f;
  uint64_t total = 0;
  for (size_t i = 0; i < 4; ++i) {
    push.first_group[i] = static_cast<uint32_t>(total);
    if (i < outs.size()) {
      push.n_rows[i] = static_cast<uint32_t>(outs[i].w->n_rows());
      total += (outs[i].w->n_rows() + rows_per_group - 1) / rows_per_group;
    }
  }
  for (size_t i = outs.size(); i < 4; ++i) push.first_group[i] = static_cast<uint32_t>(total);
  LECTERN_TRY(check_u32(total, "matvec_multi", "workgroups"));
  const vk::Access y_access =
      norm || w0.n_cols() > uint64_t{kernel.chunk} * sg ? vk::Access::ReadWrite : vk::Access::Write;
  vk::Binding bindings[10];
  for (size_t i = 0; i < 4; ++i) {
    const MatvecOut& o = outs[i < outs.size() ? i : 0];
    bindings[i] = {o.w->blocks()[0].buffer.whole(), vk::Access::Read};
    bindings[5 + i] = {o.y, y_access};
  }
  bindings[4] = {x, vk::Access::Read};
  if (norm) bindings[9] = {norm->w, vk::Access::Read};
  return seq.dispatch(*pipeline, std::span<const vk::Binding>(bindings, norm ? 10 : 9), push,
                      vk::split_groups(total, device.limits().max_group_count));
}

bool matvec_can_accumulate(const vk::Device& device, const vk::DeviceMatrix& w) {
  return xreg_for(device, w).has_value();
}

Status matvec_add(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x, const vk::BufferSlice& y) {
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_x, f32_count(x, "matvec_add", "x"));
  LECTERN_ASSIGN_OR_RETURN(uint64_t n_y, f32_count(y, "matvec_add", "y"));
  if (n_x != w.n_cols() || n_y != w.n_rows()) {
    return Status(ErrorCode::InvalidArgument, "matvec_add with '" + w.name() + "' [" + std::to_string(w.n_rows()) +
                                                  ", " + std::to_string(w.n_cols()) + "] needs x of " +
                                                  std::to_string(w.n_cols()) + " and y of " +
                                                  std::to_string(w.n_rows()) + " elements, got " +
                                                  std::to_string(n_x) + " and " + std::to_string(n_y));
  }
  LECTERN_TRY(check_u32(w.n_rows(), "matvec_add", "rows"));
  auto k = xreg_for(seq.device(), w);
  if (!k) {
    return Status(ErrorCode::Unsupported, "matvec_add: no accumulating decode kernel for '" + w.name() + "' (" +
                                              dtype_name(w.dtype()) + ") on " + seq.device().info().name +
                                              "; check matvec_can_accumulate and use matvec + add");
  }
  return dispatch_xreg(seq, *k, w, x, y, true);
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
    const bool lanes = kernel == MatmulKernel::LaneTiles ||
                       (kernel == MatmulKernel::Auto && config.use_lane_tiles && tokens >= config.lanes_min_tokens);
    if (lanes) {
      LECTERN_ASSIGN_OR_RETURN(std::string shader, matmul_lanes_shader(device, w.dtype()));
      // Token tiles no larger than the batch: rows past the end would be computed and thrown away.
      RegisterTile tile = config.matmul_lanes;
      tile.tokens = static_cast<uint32_t>(std::clamp<uint64_t>(std::bit_ceil(tokens), 8, tile.tokens));
      LECTERN_TRY(dispatch_register_tiles(seq, shader, w, x_part, y_part, tokens, tile));
    } else if (registers) {
      LECTERN_ASSIGN_OR_RETURN(std::string shader, matvec_shader(device, w.dtype()));
      LECTERN_TRY(dispatch_register_tiles(seq, shader, w, x_part, y_part, tokens, config.matmul_register));
    } else {
      const MatmulTile& tile = tokens <= config.matmul_small_max_tokens ? config.matmul_small : config.matmul_large;
      LECTERN_TRY(dispatch_shared_tiles(seq, w, x_part, y_part, tokens, tile));
    }
  }
  return Status::ok();
}

}  // namespace lectern::ops
