// kernel_config.cpp: launch-shape defaults per kernel profile and shader-variant naming.
#include "ops/kernel_config.h"

#include <algorithm>
#include <atomic>
#include <bit>

#include "vk/device.h"
#include "vk/env.h"

namespace lectern::ops {

// Largest power of two <= `want` that the device accepts as a 1-D workgroup size.
static uint32_t fit_workgroup(const vk::Device& device, uint32_t want) {
  uint32_t limit = std::min(device.limits().max_workgroup_invocations, device.info().max_compute_work_group_size[0]);
  return std::bit_floor(std::max<uint32_t>(1, std::min(want, limit)));
}

// LECTERN_VK_MATVEC=classic: the strided decode kernels even where matvec_xreg.comp would run (read once).
static bool xreg_disabled() {
  static const bool disabled = [] {
    std::optional<std::string> v = vk::env_string("LECTERN_VK_MATVEC");
    return v && *v == "classic";
  }();
  return disabled;
}

KernelConfig kernel_config(const vk::Device& device) {
  KernelConfig c;
  uint32_t subgroup = std::max<uint32_t>(1, device.limits().subgroup_size);
  c.elementwise_wg = fit_workgroup(device, 256);
  if (device.kernel_profile() == vk::KernelProfile::Cpu) {
    // One subgroup per workgroup: a barrier then costs nothing, and each workgroup is one SIMD loop on one core.
    uint32_t wg = fit_workgroup(device, subgroup);
    c.norm_wg = wg;
    c.matvec = {wg, 4, 1};
    c.matmul_register = {wg, 8, 8};
    c.register_max_tokens = UINT32_MAX;
    // Lanes that each own 16 weight rows x 64 tokens beat the strided register tiles 3-4x on lavapipe (Q8_0,
    // [3584, 1024] x 64 tokens: 3.7-4.7 against 1.0-1.6 GFLOP/s; BENCHMARKS.md).
    c.matmul_lanes = {wg, wg * 16, 64};
    c.use_lane_tiles = true;
    c.matvec_xreg = device.use_subgroup_arithmetic() && wg == subgroup && !xreg_disabled();
  } else {
    // A few subgroups per row group so each row streams with wide, coalesced loads.
    uint32_t wg = fit_workgroup(device, std::max<uint32_t>(64, 2 * subgroup));
    c.norm_wg = fit_workgroup(device, 256);
    c.matvec = {wg, 2, 1};
    c.matmul_register = {wg, 2, 4};
    c.register_max_tokens = 8;
  }
  // The 256-invocation tiles need 256-wide workgroups and about 8.5 KiB of shared memory (guaranteed: 128 and
  // 16 KiB), so fall back to 64-invocation tiles where 256 are not allowed.
  if (fit_workgroup(device, 256) < 256) {
    c.matmul_small = {8, 32, 16, 1, 4};
    c.matmul_large = {32, 32, 16, 4, 4};
  }
  return c;
}

uint32_t norm_workgroup(const vk::Device& device, uint64_t n_cols) {
  uint32_t max_wg = kernel_config(device).norm_wg;
  uint32_t min_wg = std::min(max_wg, fit_workgroup(device, std::max<uint32_t>(32, device.limits().subgroup_size)));
  uint64_t want = std::bit_ceil(std::max<uint64_t>(1, (n_cols + 3) / 4));
  return static_cast<uint32_t>(std::clamp<uint64_t>(want, min_wg, max_wg));
}

static const char* weight_suffix(DType dtype) {
  switch (dtype) {
    case DType::F32: return "f32";
    case DType::F16: return "f16";
    case DType::BF16: return "bf16";
    // Quantised blocks (matvec_q.comp, dequant.glsl) are read as packed 32-bit words on every device.
    case DType::Q8_0: return "q8_0";
    case DType::Q4_K: return "q4_k";
    case DType::Q5_K: return "q5_k";
    case DType::Q6_K: return "q6_k";
    default: return nullptr;
  }
}

static Result<std::string> weight_shader(const vk::Device& device, const char* op, DType w_dtype) {
  const char* w = weight_suffix(w_dtype);
  if (w == nullptr) {
    return Status(ErrorCode::Unsupported,
                  std::string(op) + " has no kernel for " + dtype_name(w_dtype) +
                      " weights (f32, f16, bf16, q8_0, q4_k, q5_k, q6_k only)");
  }
  std::string name = std::string(op) + "_" + w + "_f32";
  if ((w_dtype == DType::F16 || w_dtype == DType::BF16) && device.use_16bit_storage()) name += "_s16";
  return name;
}

Result<std::string> matvec_shader(const vk::Device& device, DType w_dtype) {
  LECTERN_ASSIGN_OR_RETURN(std::string name, weight_shader(device, "matvec", w_dtype));
  if (device.use_subgroup_arithmetic()) name += "_sg";
  return name;
}

Result<std::string> matmul_shader(const vk::Device& device, DType w_dtype) {
  return weight_shader(device, "matmul", w_dtype);
}

Result<std::string> matmul_lanes_shader(const vk::Device& device, DType w_dtype) {
  LECTERN_ASSIGN_OR_RETURN(std::string name, weight_shader(device, "matmul_lanes", w_dtype));
  if (name.ends_with("_s16")) name.resize(name.size() - 4);
  return name;
}

std::string reduction_shader(const vk::Device& device, const std::string& base) {
  return device.use_subgroup_arithmetic() ? base + "_sg" : base;
}

static std::atomic<MatvecInt8> g_int8_override{MatvecInt8::Auto};

void set_matvec_int8_override(MatvecInt8 mode) { g_int8_override.store(mode); }

// LECTERN_VK_MATVEC_Q8=off|s8|dp4 (read once); anything else: Auto.
static MatvecInt8 int8_env() {
  static const MatvecInt8 mode = [] {
    std::optional<std::string> v = vk::env_string("LECTERN_VK_MATVEC_Q8");
    if (!v) return MatvecInt8::Auto;
    if (*v == "off") return MatvecInt8::Off;
    if (*v == "s8") return MatvecInt8::Storage8;
    if (*v == "dp4") return MatvecInt8::DotProduct;
    return MatvecInt8::Auto;
  }();
  return mode;
}

MatvecInt8 matvec_int8_mode(const vk::Device& device) {
  const vk::PhysicalDeviceInfo& info = device.info();
  const bool s8 = info.storage_buffer_8bit && info.shader_int8;
  const bool dp4 = s8 && info.integer_dot_product;
  MatvecInt8 want = g_int8_override.load();
  if (want == MatvecInt8::Auto) want = int8_env();
  if (want == MatvecInt8::Auto) {
    if (device.kernel_profile() != vk::KernelProfile::Gpu) return MatvecInt8::Off;
    want = info.integer_dot_product_4x8_accelerated ? MatvecInt8::DotProduct : MatvecInt8::Storage8;
  }
  if (want == MatvecInt8::DotProduct && !dp4) want = MatvecInt8::Storage8;
  if (want == MatvecInt8::Storage8 && !s8) want = MatvecInt8::Off;
  return want;
}

std::optional<XregKernel> matvec_xreg_kernel(const vk::Device& device, DType w_dtype) {
  if (!kernel_config(device).matvec_xreg) return std::nullopt;
  // A forced 8-bit Q8_0 mode (matvec_int8_mode) takes the Q8_0 products off this kernel.
  if (w_dtype == DType::Q8_0 && matvec_int8_mode(device) != MatvecInt8::Off) return std::nullopt;
  switch (w_dtype) {
    case DType::F32: return XregKernel{"matvec_f32_f32_xreg", 16, 16};
    case DType::F16: return XregKernel{"matvec_f16_f32_xreg", 32, 32};
    case DType::BF16: return XregKernel{"matvec_bf16_f32_xreg", 32, 32};
    case DType::Q8_0: return XregKernel{"matvec_q8_0_f32_xreg", 64, 64};  // two blocks: whole words
    // Half a super-block per chunk (xreg_kquant.glsl): 1,024 columns keep all 8 invocations busy.
    case DType::Q4_K: return XregKernel{"matvec_q4_k_f32_xreg", 128, 256};
    case DType::Q5_K: return XregKernel{"matvec_q5_k_f32_xreg", 128, 256};
    case DType::Q6_K: return XregKernel{"matvec_q6_k_f32_xreg", 128, 256};
    default: return std::nullopt;
  }
}

}  // namespace lectern::ops
