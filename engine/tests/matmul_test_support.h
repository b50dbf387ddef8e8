// matmul_test_support.h: shared pieces of the matvec/matmul op tests: devices for the shader variants under test,
// and one device product run (weights uploaded as a DeviceMatrix, X in, Y downloaded).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "ops/kernel_config.h"
#include "ops/matmul.h"
#include "vk/command.h"
#include "vk/matrix.h"
#include "vk_test_support.h"

namespace lectern::vk_test {

constexpr vk::KernelProfile k_auto = vk::KernelProfile::Auto;
constexpr vk::KernelProfile k_cpu = vk::KernelProfile::Cpu;
constexpr vk::KernelProfile k_gpu = vk::KernelProfile::Gpu;

struct Variant {
  std::string name;  // "s16,sg,cpu"
  std::unique_ptr<vk::Device> owned;
  vk::Device* device = nullptr;
  std::unique_ptr<vk::Transfer> transfer;
};

// A variant to create: its name, the options of its device, and whether the shared default device is that device.
struct VariantSpec {
  std::string name;
  vk::DeviceOptions options;
  bool is_default = false;
};

// Devices for the specs, skipping names already made; stops at the first device that cannot be created.
inline std::vector<Variant> make_variants(const std::vector<VariantSpec>& specs) {
  std::vector<Variant> out;
  std::vector<std::string> seen;
  for (const VariantSpec& spec : specs) {
    if (std::find(seen.begin(), seen.end(), spec.name) != seen.end()) continue;
    seen.push_back(spec.name);
    Variant v;
    v.name = spec.name;
    if (spec.is_default) {
      v.device = &device();
    } else {
      v.owned = make_device(spec.options);
      if (!v.owned) return out;
      v.device = v.owned.get();
    }
    v.transfer = make_transfer(*v.device);
    out.push_back(std::move(v));
  }
  return out;
}

// Weights larger than one binding (lowered to 64 KiB here) become row blocks, and activations larger than one
// binding are processed in chunks of tokens: calls run_case on a fresh device made under that limit, for each dtype,
// matvec (0 tokens) with register tiles, then 5 and 65 tokens with register, shared-memory and lane tiles. Fatal
// failures return early: call it inside ASSERT_NO_FATAL_FAILURE.
inline void split_binding_cases(
    std::span<const DType> dtypes,
    const std::function<void(const Variant& v, DType dtype, uint64_t n_tokens, ops::MatmulKernel kernel)>& run_case) {
  ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  Variant v;
  v.name = "split";
  v.owned = make_device({});
  ASSERT_TRUE(v.owned);
  v.device = v.owned.get();
  v.transfer = make_transfer(*v.device);
  ASSERT_TRUE(v.transfer);
  for (DType dtype : dtypes) {
    for (uint64_t tokens : {0, 5, 65}) {
      for (auto kernel : {ops::MatmulKernel::RegisterTiles, ops::MatmulKernel::SharedMemoryTiles,
                          ops::MatmulKernel::LaneTiles}) {
        if (tokens == 0 && kernel != ops::MatmulKernel::RegisterTiles) continue;
        run_case(v, dtype, tokens, kernel);
      }
    }
  }
}

// What one device product run gave.
struct ProductRun {
  std::vector<float> y;       // [rows, n_out]
  size_t n_blocks = 0;        // row blocks of the weight matrix
  uint32_t n_dispatches = 0;  // commands recorded
};

// Uploads W [n_out, n_in] of `dtype` (named w_name) and X [rows, n_in], runs matvec (n_tokens == 0, one row) or matmul with `kernel`
// on v's device and downloads Y. Fatal failures return early: call it inside ASSERT_NO_FATAL_FAILURE.
inline void run_product(const Variant& v, DType dtype, uint64_t n_in, uint64_t n_out, uint64_t n_tokens,
                        std::span<const std::byte> w_bytes, std::span<const float> x, ops::MatmulKernel kernel,
                        ProductRun* out, const std::string& w_name = "w") {
  vk::Device& d = *v.device;
  vk::Transfer& t = *v.transfer;
  const bool is_matvec = n_tokens == 0;
  const uint64_t rows = is_matvec ? 1 : n_tokens;
  auto m = vk::DeviceMatrix::upload(d, t, dtype, n_out, n_in, w_bytes, w_name);
  ASSERT_TRUE(m.is_ok()) << m.status().to_string();
  out->n_blocks = m->blocks().size();
  vk::Buffer bx = upload_floats(d, t, x, "x");
  vk::Buffer by = make_floats(d, rows * n_out, "y");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  Status s = is_matvec ? ops::matvec(**seq, *m, bx.whole(), by.whole())
                       : ops::matmul(**seq, *m, bx.whole(), by.whole(), kernel);
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  out->n_dispatches = (*seq)->n_commands();
  ASSERT_TRUE((*seq)->run().is_ok());
  out->y = download_floats(t, by, rows * n_out);
}

// The shader that ran: matvec's register tiles for matvec and RegisterTiles, matmul_lanes for LaneTiles, else
// matmul's shared-memory tiles.
inline Result<std::string> product_shader(const vk::Device& d, DType dtype, uint64_t n_tokens,
                                          ops::MatmulKernel kernel) {
  if (n_tokens != 0 && kernel == ops::MatmulKernel::LaneTiles) return ops::matmul_lanes_shader(d, dtype);
  const bool registers = n_tokens == 0 || kernel == ops::MatmulKernel::RegisterTiles;
  return registers ? ops::matvec_shader(d, dtype) : ops::matmul_shader(d, dtype);
}

// "matvec(type=F16,shape=[n_out,n_in]" or "matmul(type=F16,shape=[n_tokens,n_in,n_out]", without the closing ")".
inline std::string product_label(DType dtype, uint64_t n_in, uint64_t n_out, uint64_t n_tokens) {
  const bool is_matvec = n_tokens == 0;
  return std::string(is_matvec ? "matvec" : "matmul") + "(type=" + dtype_name(dtype) + ",shape=" +
         (is_matvec ? shape({n_out, n_in}) : shape({n_tokens, n_in, n_out}));
}

// The exact product y = y0 + W x in double ([n_out] from W [n_out, n_in] and x [n_in]; y0 empty for none), rounded to
// f32, and kappa = sum of squared terms / sum of squared outputs (the condition that scales nmse tolerances).
struct ReferenceProduct {
  std::vector<float> y;
  double kappa = 1.0;
};
inline ReferenceProduct reference_product(const std::vector<float>& w, uint64_t n_out, uint64_t n_in,
                                          const std::vector<float>& x, const std::vector<float>& y0 = {}) {
  ReferenceProduct r;
  r.y.resize(n_out);
  double terms = 0.0, outputs = 0.0;
  for (uint64_t o = 0; o < n_out; ++o) {
    double sum = y0.empty() ? 0.0 : double(y0[o]);
    terms += sum * sum;
    for (uint64_t i = 0; i < n_in; ++i) {
      const double term = double(w[o * n_in + i]) * double(x[i]);
      sum += term;
      terms += term * term;
    }
    r.y[o] = static_cast<float>(sum);
    outputs += sum * sum;
  }
  r.kappa = outputs > 0.0 ? terms / outputs : 1.0;
  return r;
}

}  // namespace lectern::vk_test
