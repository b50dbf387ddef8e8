// kernel_config.h: per-device launch shapes (workgroup sizes, rows and tokens per workgroup, matmul tiles) and the
// choice of shader variant from device features. One place to tune for a new GPU family.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/dtype.h"
#include "lectern/status.h"

namespace lectern::vk {
class Device;
}

namespace lectern::ops {

// Shared-memory tiles of matmul.comp.
struct MatmulTile {
  uint32_t bm, bn, bk, tm, tn;
  uint32_t workgroup_size() const { return (bm / tm) * (bn / tn); }
};

// Register tiles of matvec.comp: each workgroup computes `tokens` x `rows` outputs.
struct RegisterTile {
  uint32_t wg, rows, tokens;
};

struct KernelConfig {
  uint32_t elementwise_wg = 256;
  uint32_t norm_wg = 256;         // the largest rms_norm workgroup (see norm_workgroup)
  RegisterTile matvec{64, 2, 1};  // decode: one token
  RegisterTile matmul_register{64, 2, 4};
  uint32_t register_max_tokens = 8;  // matmul uses register tiles up to this many tokens, shared tiles above
  MatmulTile matmul_small{16, 64, 16, 1, 4};  // shared tiles for few tokens: don't waste a 64-token tile
  MatmulTile matmul_large{64, 64, 16, 4, 4};
  uint32_t matmul_small_max_tokens = 16;
  // Prefill with matmul_lanes.comp ({lanes, weight rows, largest token tile} per workgroup): CPU devices, from
  // lanes_min_tokens tokens on.
  RegisterTile matmul_lanes{8, 128, 64};
  bool use_lane_tiles = false;
  uint32_t lanes_min_tokens = 16;
  // Decode products with the activations held in registers (matvec_xreg.comp): CPU devices with subgroup
  // arithmetic. LECTERN_VK_MATVEC=classic turns it off (A/B benchmarks).
  bool matvec_xreg = false;
  uint32_t matvec_xreg_groups = 8;  // groups of one subgroup's width of rows per workgroup
};

// By the device's KernelProfile. Measured on lavapipe (Mesa 22.3, 2 shared cores): workgroups of one 8-wide
// subgroup run matvec at 1.5-3 GB/s versus 0.2-0.7 GB/s for 128 invocations, and 8x8 register tiles reach 1.2-2.5
// GFLOP/s at 8 to 512 tokens where 256-invocation shared-memory tiles reach 0.15 (8 tokens) to 1.4 (512 tokens).
KernelConfig kernel_config(const vk::Device& device);

// Workgroup size for one workgroup per row of n_cols (rms_norm): about four elements per invocation, between one
// subgroup and KernelConfig::norm_wg, so short rows (per-head norms) don't idle hundreds of invocations.
uint32_t norm_workgroup(const vk::Device& device, uint64_t n_cols);

// "matvec_f16_f32_s16_sg" for the device's features; Unsupported for weight types without a kernel yet.
Result<std::string> matvec_shader(const vk::Device& device, DType w_dtype);
Result<std::string> matmul_shader(const vk::Device& device, DType w_dtype);
// "matmul_lanes_q8_0_f32": packed 32-bit reads on every device.
Result<std::string> matmul_lanes_shader(const vk::Device& device, DType w_dtype);

// The x-in-registers decode kernel for these weights: its shader name, chunk width (elements per invocation and
// tile step) and the multiple n_in must be (the chunk, or the 256-element super-block of K-quants, whose chunk is
// half of one). nullopt where the device does not use it (KernelConfig::matvec_xreg) or the weight type has none.
struct XregKernel {
  std::string shader;
  uint32_t chunk = 0;
  uint32_t row_multiple = 0;
};
std::optional<XregKernel> matvec_xreg_kernel(const vk::Device& device, DType w_dtype);
// Decode products with Q8_0 weights on GPU-profile devices (matvec_q8s.comp): Off (matvec_q.comp's packed 32-bit
// reads), Storage8 (8-bit storage reads, f32 activations: storageBuffer8BitAccess + shaderInt8), DotProduct (the
// activations quantised once per input to two-level int8 blocks, packed 4x8 integer dot products: also
// shaderIntegerDotProduct). Auto: DotProduct where the device runs the packed signed 4x8 dot product accelerated,
// else Storage8 where 8-bit storage exists, else Off; CPU-profile devices Off (matvec_xreg.comp serves them).
enum class MatvecInt8 { Auto, Off, Storage8, DotProduct };
// A forced mode (tests, A/B: any profile; Q8_0 decode products then skip matvec_xreg.comp) or Auto. Wins over
// LECTERN_VK_MATVEC_Q8=off|s8|dp4, which is read once. A forced mode the device lacks the features for degrades
// (DotProduct -> Storage8 -> Off).
void set_matvec_int8_override(MatvecInt8 mode);
// The mode decode products with Q8_0 weights use on this device (never Auto).
MatvecInt8 matvec_int8_mode(const vk::Device& device);
// "rms_norm_f32_sg" or "rms_norm_f32".
std::string reduction_shader(const vk::Device& device, const std::string& base);

}  // namespace lectern::ops
