// test_ops_matvec_q8.cpp: the GPU-profile Q8_0 decode kernels (matvec_q8s.comp) vs the CPU reference on lavapipe,
// forced with set_matvec_int8_override: 8-bit weight reads with f32 activations (exact dequantisation: f32
// rounding only), and two-level int8 activations with packed 4x8 integer dot products (error bounded by the
// activation quantisation), both reductions (subgroup, shared memory), weights split into row blocks; the
// quantisation of x itself; the mode chosen from the device's features; and the errors for bad inputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/quant.h"
#include "matmul_test_support.h"
#include "ops/kernel_config.h"
#include "ops/matmul.h"
#include "ops/matvec_q8.h"
#include "vk/command.h"
#include "vk/matrix.h"
#include "vk_test_support.h"

using namespace lectern;
using ops::MatvecInt8;

namespace {

// As test_ops_matvec_xreg.cpp: the kernel and the double reference multiply the same dequantised weights, the kernel
// sums in f32 (8 products per invocation step, then a workgroup reduction); nmse from f32 rounding is ~1e-14 ..
// 1e-12 relative to outputs of typical size, scaled by kappa (sum of squared terms over sum of squared outputs) for
// outputs that cancel. One misread quarter block gives nmse >= ~8 / n_in, orders of magnitude above 1e-10.
constexpr double k_tolerance = 1e-10;

// Sets the process-wide mode for one scope.
class ScopedMode {
 public:
  explicit ScopedMode(MatvecInt8 mode) { ops::set_matvec_int8_override(mode); }
  ~ScopedMode() { ops::set_matvec_int8_override(MatvecInt8::Auto); }
};

struct Weights {
  std::vector<std::byte> bytes;  // [n_out] Q8_0 rows
  std::vector<float> values;     // [n_out, n_in] dequantised
};

Weights make_weights(uint64_t n_out, uint64_t n_in, uint64_t seed) {
  const std::vector<float> w = vk_test::random_floats(n_out * n_in, seed);
  const uint64_t row_bytes = dtype_row_bytes(DType::Q8_0, n_in);
  Weights out;
  out.bytes.resize(n_out * row_bytes);
  out.values.resize(n_out * n_in);
  for (uint64_t r = 0; r < n_out; ++r) {
    quantize_row(DType::Q8_0, w.data() + r * n_in, out.bytes.data() + r * row_bytes, static_cast<int64_t>(n_in));
    dequantize_row(DType::Q8_0, out.bytes.data() + r * row_bytes, out.values.data() + r * n_in,
                   static_cast<int64_t>(n_in));
  }
  return out;
}

// A device with the given profile and reduction; null (with a failure) where none can be made.
std::unique_ptr<vk::Device> make(vk::KernelProfile profile, bool subgroups) {
  auto d = vk_test::make_device({.allow_subgroup_arithmetic = subgroups, .kernel_profile = profile});
  EXPECT_TRUE(d) << "no Vulkan device";
  return d;
}

// Why the forced mode cannot run on d (empty: it can).
std::string missing(const vk::Device& d, MatvecInt8 mode) {
  const vk::PhysicalDeviceInfo& i = d.info();
  if (!i.storage_buffer_8bit || !i.shader_int8) return d.info().name + " lacks 8-bit storage or shaderInt8";
  if (mode == MatvecInt8::DotProduct && !i.integer_dot_product)
    return d.info().name + " lacks shaderIntegerDotProduct";
  return "";
}

struct RunResult {
  std::vector<float> y;
  uint32_t n_commands = 0;
  size_t n_blocks = 0;
};

// y = W x on d in the current mode: quantised x (quantize_x + matvec_quantized) or ops::matvec.
RunResult run(vk::Device& d, vk::Transfer& t, const Weights& w, uint64_t n_out, uint64_t n_in,
              const std::vector<float>& x, bool quantized) {
  RunResult r;
  auto m = vk::DeviceMatrix::upload(d, t, DType::Q8_0, n_out, n_in, w.bytes, "w");
  EXPECT_TRUE(m.is_ok()) << m.status().to_string();
  if (!m) return r;
  r.n_blocks = m->blocks().size();
  vk::Buffer bx = vk_test::upload_floats(d, t, x, "x");
  vk::Buffer by = vk_test::make_floats(d, n_out, "y");
  auto bq = vk::Buffer::create(d, ops::quantized_x_bytes(n_in), vk::MemoryUsage::DeviceLocal, "xq");
  EXPECT_TRUE(bq.is_ok());
  auto seq = vk::Sequence::create(d);
  EXPECT_TRUE(seq.is_ok());
  if (!seq || !bq) return r;
  if (quantized) {
    EXPECT_TRUE(ops::matvec_wants_quantized_x(d, *m));
    Status s = ops::quantize_x(**seq, bx.whole(), bq->whole());
    EXPECT_TRUE(s.is_ok()) << s.to_string();
    s = ops::matvec_quantized(**seq, *m, bq->whole(), by.whole());
    EXPECT_TRUE(s.is_ok()) << s.to_string();
  } else {
    EXPECT_TRUE(ops::matvec_q8_applies(d, *m));
    Status s = ops::matvec(**seq, *m, bx.whole(), by.whole());
    EXPECT_TRUE(s.is_ok()) << s.to_string();
  }
  r.n_commands = (*seq)->n_commands();
  EXPECT_TRUE((*seq)->run().is_ok());
  r.y = vk_test::download_floats(t, by, n_out);
  return r;
}

// Exact products in double, and kappa.
std::vector<float> reference(const Weights& w, uint64_t n_out, uint64_t n_in, const std::vector<float>& x,
                             double* kappa) {
  vk_test::ReferenceProduct r = vk_test::reference_product(w.values, n_out, n_in, x);
  *kappa = r.kappa;
  return std::move(r.y);
}

// Activations the high level alone represents exactly: per block of 32 an integer multiple k * 2^-7 (|k| <= 127)
// with one element at +-127 * 2^-7, so d = 127 * 2^-7 / 127, round(x / d) recovers k and the low level is 0.
std::vector<float> exact_q8_x(uint64_t n_in, uint64_t seed) {
  std::vector<float> r = vk_test::random_floats(n_in, seed, -127.49f, 127.49f);
  std::vector<float> x(n_in);
  for (uint64_t i = 0; i < n_in; ++i) {
    const float k = (i % 32 == (seed % 32)) ? (r[i] < 0 ? -127.0f : 127.0f) : std::round(r[i]);
    x[i] = k * 0.0078125f;
  }
  return x;
}

const uint64_t k_widths[] = {32, 1024, 1056};           // one block; the 0.8B width; an odd block count (33)
const uint64_t k_rows[] = {1, 3, 64, 130};              // partial and whole workgroups (2 or 4 rows each)

}  // namespace

class OpsMatvecQ8 : public vk_test::VulkanTest {};

// 8-bit weight reads with f32 activations: the exact dequantised product, f32 rounding only.
TEST_F(OpsMatvecQ8, Storage8MatchesReference) {
  ScopedMode mode(MatvecInt8::Storage8);
  uint64_t seed = 7100;
  for (bool subgroups : {true, false}) {
    for (vk::KernelProfile profile : {vk::KernelProfile::Gpu, vk::KernelProfile::Cpu}) {
      auto d = make(profile, subgroups);
      ASSERT_TRUE(d);
      if (std::string why = missing(*d, MatvecInt8::Storage8); !why.empty()) GTEST_SKIP() << why;
      ASSERT_EQ(ops::matvec_int8_mode(*d), MatvecInt8::Storage8);
      auto t = vk_test::make_transfer(*d);
      ASSERT_TRUE(t);
      for (uint64_t n_in : k_widths) {
        for (uint64_t n_out : k_rows) {
          const Weights w = make_weights(n_out, n_in, seed++);
          const std::vector<float> x = vk_test::random_floats(n_in, seed++);
          double kappa = 1.0;
          const std::vector<float> want = reference(w, n_out, n_in, x, &kappa);
          const RunResult got = run(*d, *t, w, n_out, n_in, x, false);
          EXPECT_EQ(got.n_commands, 1u);
          vk_test::report("matvec_q8_s8(" + std::string(subgroups ? "sg," : "") +
                              (profile == vk::KernelProfile::Gpu ? "gpu" : "cpu") +
                              ",shape=" + vk_test::shape({n_out, n_in}) + ")",
                          vk_test::nmse(got.y, want), k_tolerance * std::max(1.0, kappa));
        }
      }
    }
  }
}

// The integer dot product with activations quantised exactly: again the exact product up to f32 rounding
// (d_x = 127 * 2^-7 / 127 may be off by the division's few ulp, ~1e-13 in nmse).
TEST_F(OpsMatvecQ8, DotProductExactActivations) {
  ScopedMode mode(MatvecInt8::DotProduct);
  uint64_t seed = 7300;
  for (bool subgroups : {true, false}) {
    auto d = make(vk::KernelProfile::Gpu, subgroups);
    ASSERT_TRUE(d);
    if (std::string why = missing(*d, MatvecInt8::DotProduct); !why.empty()) GTEST_SKIP() << why;
    ASSERT_EQ(ops::matvec_int8_mode(*d), MatvecInt8::DotProduct);
    auto t = vk_test::make_transfer(*d);
    ASSERT_TRUE(t);
    for (uint64_t n_in : k_widths) {
      for (uint64_t n_out : k_rows) {
        const Weights w = make_weights(n_out, n_in, seed++);
        const std::vector<float> x = exact_q8_x(n_in, seed++);
        double kappa = 1.0;
        const std::vector<float> want = reference(w, n_out, n_in, x, &kappa);
        const RunResult got = run(*d, *t, w, n_out, n_in, x, true);
        EXPECT_EQ(got.n_commands, 2u);  // quantize_x + the product
        vk_test::report("matvec_q8_dp4_exact(" + std::string(subgroups ? "sg," : "") +
                            "shape=" + vk_test::shape({n_out, n_in}) + ")",
                        vk_test::nmse(got.y, want), k_tolerance * std::max(1.0, kappa));
      }
    }
  }
}

// Random activations: the only approximation is x's quantisation. Per block b of 32, d_b = max|x| / 127; the high
// level leaves |x_i - hi_i d_b| <= d_b / 2, the low level quantises that remainder in steps of d_b / 254, leaving
// |x_i - (254 hi_i + lo_i) d_b / 254| <= d_b / 508. So each output is off by at most
//   sum_b (d_b / 508) * sum_{i in b} |w_i|
// plus f32 rounding: the int32 sums are exact, each of the <= 17 f32 adds per invocation and the <= 6 reduction
// levels (n_in <= 1,056, workgroups of 8 or 64) and the scale products round once, so 64 ulp of sum |w_i x_i| is a
// safe margin. The check also requires the error to stay below 1 % of one level's bound (d_b / 2, ggml's q8_1):
// two levels cannot exceed 1/254 of it plus the f32 margin (64 ulp * 127 < 0.1 %), while one level alone gave
// 1.7 % to 31 % on these cases, so a kernel that drops the low level fails.
TEST_F(OpsMatvecQ8, DotProductWithinQuantisationBound) {
  ScopedMode mode(MatvecInt8::DotProduct);
  uint64_t seed = 7500;
  for (vk::KernelProfile profile : {vk::KernelProfile::Gpu, vk::KernelProfile::Cpu}) {
    auto d = make(profile, true);
    ASSERT_TRUE(d);
    if (std::string why = missing(*d, MatvecInt8::DotProduct); !why.empty()) GTEST_SKIP() << why;
    auto t = vk_test::make_transfer(*d);
    ASSERT_TRUE(t);
    for (uint64_t n_in : k_widths) {
      for (uint64_t n_out : {3, 130}) {
        const Weights w = make_weights(n_out, n_in, seed++);
        std::vector<float> x = vk_test::random_floats(n_in, seed++, -3.0f, 3.0f);
        x[0] = 0.0f;
        const RunResult got = run(*d, *t, w, n_out, n_in, x, true);
        ASSERT_EQ(got.y.size(), n_out);
        double worst = 0.0, worst_one_level = 0.0;  // largest error / bound, error / one-level bound
        for (uint64_t o = 0; o < n_out; ++o) {
          double exact = 0.0, quant = 0.0, mag = 0.0;
          for (uint64_t b = 0; b < n_in / 32; ++b) {
            double amax = 0.0, wsum = 0.0;
            for (uint64_t i = b * 32; i < b * 32 + 32; ++i) {
              amax = std::max(amax, std::fabs(double(x[i])));
              wsum += std::fabs(double(w.values[o * n_in + i]));
              exact += double(w.values[o * n_in + i]) * double(x[i]);
              mag += std::fabs(double(w.values[o * n_in + i]) * double(x[i]));
            }
            quant += amax / 127.0 * wsum;  // d_b * sum |w|
          }
          const double bound = quant / 508.0 + 64 * 0x1p-24 * mag + 1e-30;
          const double err = std::fabs(double(got.y[o]) - exact);
          worst = std::max(worst, err / bound);
          worst_one_level = std::max(worst_one_level, err / (quant / 2.0 + 1e-30));
          EXPECT_LE(err, bound) << "row " << o << " of [" << n_out << ", " << n_in << "]: got " << got.y[o]
                                << ", exact " << exact;
        }
        EXPECT_LT(worst_one_level, 0.01) << "[" << n_out << ", " << n_in << "]: no better than one int8 level";
        std::printf("matvec_q8_dp4_random(%s,shape=%s) worst error / bound = %.3f, / one-level bound = %.2g\n",
                    profile == vk::KernelProfile::Gpu ? "gpu" : "cpu", vk_test::shape({n_out, n_in}).c_str(), worst,
                    worst_one_level);
      }
    }
  }
}

// quantize_x on its own: every block's d is max|x| / 127, the high level rounds x to the nearest step d, the low
// level the remainder to the nearest step d / 254 (both within [-127, 127]), and the second scale is sum(x).
TEST_F(OpsMatvecQ8, QuantizeMatchesDefinition) {
  ScopedMode mode(MatvecInt8::DotProduct);
  vk::Device& d = vk_test::device();
  if (std::string why = missing(d, MatvecInt8::DotProduct); !why.empty()) GTEST_SKIP() << why;
  vk::Transfer& t = vk_test::transfer();
  const uint64_t n = 32 * 300;  // more than one workgroup of blocks
  std::vector<float> x = vk_test::random_floats(n, 7700, -5.0f, 5.0f);
  std::fill(x.begin() + 64, x.begin() + 96, 0.0f);  // an all-zero block: d = 0, q = 0
  vk::Buffer bx = vk_test::upload_floats(d, t, x, "x");
  auto bq = vk::Buffer::create(d, ops::quantized_x_bytes(n), vk::MemoryUsage::DeviceLocal, "xq");
  ASSERT_TRUE(bq.is_ok());
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  ASSERT_TRUE(ops::quantize_x(**seq, bx.whole(), bq->whole()).is_ok());
  ASSERT_TRUE((*seq)->run().is_ok());
  std::vector<std::byte> raw(ops::quantized_x_bytes(n));
  ASSERT_TRUE(t.download(*bq, 0, raw.data(), raw.size()).is_ok());
  int bad = 0;
  for (uint64_t b = 0; b < n / 32 && bad < 5; ++b) {
    const std::byte* block = raw.data() + b * ops::k_x8_block_bytes;
    float ds[2];
    int8_t hi[32], lo[32];
    std::memcpy(ds, block, 8);
    std::memcpy(hi, block + 8, 32);
    std::memcpy(lo, block + 40, 32);
    float amax = 0.0f;
    double sum = 0.0;
    for (int i = 0; i < 32; ++i) {
      amax = std::max(amax, std::fabs(x[b * 32 + i]));
      sum += x[b * 32 + i];
    }
    const float d_want = amax / 127.0f;
    if (std::fabs(ds[0] - d_want) > 4e-7f * d_want) {
      ADD_FAILURE() << "block " << b << ": d " << ds[0] << ", want " << d_want;
      ++bad;
      continue;
    }
    EXPECT_NEAR(ds[1], sum, 1e-5 * (1.0 + amax * 32)) << "block " << b;
    for (int i = 0; i < 32; ++i) {
      const double xi = x[b * 32 + i], step = ds[0];
      const double err_hi = std::fabs(hi[i] * step - xi);
      const double err = std::fabs((254.0 * hi[i] + lo[i]) * step / 254.0 - xi);
      // The remainder is formed in f32: allow a few ulp of x on top of half a step.
      if (hi[i] < -127 || lo[i] < -127 || err_hi > 0.5 * step * (1 + 1e-5) ||
          err > step / 508.0 + 4 * 0x1p-24 * std::fabs(xi)) {
        ADD_FAILURE() << "block " << b << " element " << i << ": hi " << int(hi[i]) << ", lo " << int(lo[i])
                      << ", d " << step << " for x " << xi;
        ++bad;
      }
    }
    if (b == 2) {
      EXPECT_EQ(ds[0], 0.0f);
    }
  }
}

// Weights larger than one binding (lowered to 64 KiB) become row blocks; every block writes its slice of y.
TEST_F(OpsMatvecQ8, SplitRowBlocks) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  for (MatvecInt8 m : {MatvecInt8::Storage8, MatvecInt8::DotProduct}) {
    ScopedMode mode(m);
    auto d = make(vk::KernelProfile::Gpu, true);
    ASSERT_TRUE(d);
    if (std::string why = missing(*d, m); !why.empty()) GTEST_SKIP() << why;
    auto t = vk_test::make_transfer(*d);
    ASSERT_TRUE(t);
    const uint64_t n_in = 1024, n_out = 200;  // 200 rows of 1,088 bytes: 4 blocks of 64 KiB
    const Weights w = make_weights(n_out, n_in, 7900);
    const std::vector<float> x = exact_q8_x(n_in, 7901);
    double kappa = 1.0;
    const std::vector<float> want = reference(w, n_out, n_in, x, &kappa);
    const bool quantized = m == MatvecInt8::DotProduct;
    const RunResult got = run(*d, *t, w, n_out, n_in, x, quantized);
    EXPECT_GT(got.n_blocks, 1u);
    EXPECT_EQ(got.n_commands, got.n_blocks + (quantized ? 1 : 0));
    vk_test::report(std::string("matvec_q8_split(") + (quantized ? "dp4" : "s8") +
                        ",blocks=" + std::to_string(got.n_blocks) + ")",
                    vk_test::nmse(got.y, want), k_tolerance * std::max(1.0, kappa));
  }
}

// Auto: GPU-profile devices use the dot product only where the device says it is accelerated, else 8-bit storage;
// CPU-profile devices keep matvec_xreg.comp. Forced modes degrade where features are missing.
TEST_F(OpsMatvecQ8, ModeFollowsFeatures) {
  auto gpu = make(vk::KernelProfile::Gpu, true);
  auto cpu = make(vk::KernelProfile::Cpu, true);
  ASSERT_TRUE(gpu && cpu);
  const vk::PhysicalDeviceInfo& i = gpu->info();
  const bool s8 = i.storage_buffer_8bit && i.shader_int8;
  {
    ScopedMode mode(MatvecInt8::Auto);
    const MatvecInt8 want = !s8                                                                 ? MatvecInt8::Off
                            : i.integer_dot_product && i.integer_dot_product_4x8_accelerated ? MatvecInt8::DotProduct
                                                                                               : MatvecInt8::Storage8;
    if (!std::getenv("LECTERN_VK_MATVEC_Q8")) {
      EXPECT_EQ(ops::matvec_int8_mode(*gpu), want);
      EXPECT_EQ(ops::matvec_int8_mode(*cpu), MatvecInt8::Off);
    }
  }
  {
    ScopedMode mode(MatvecInt8::Off);
    EXPECT_EQ(ops::matvec_int8_mode(*gpu), MatvecInt8::Off);
  }
  {
    ScopedMode mode(MatvecInt8::DotProduct);
    const MatvecInt8 want = !s8 ? MatvecInt8::Off : i.integer_dot_product ? MatvecInt8::DotProduct
                                                                           : MatvecInt8::Storage8;
    EXPECT_EQ(ops::matvec_int8_mode(*cpu), want);
    // A forced Q8_0 mode takes Q8_0 off the CPU devices' x-in-registers kernel, not the other types.
    if (want != MatvecInt8::Off) {
      EXPECT_FALSE(ops::matvec_xreg_kernel(*cpu, DType::Q8_0).has_value());
    }
  }
}

TEST_F(OpsMatvecQ8, BadInputs) {
  ScopedMode mode(MatvecInt8::Storage8);
  vk::Device& d = vk_test::device();
  if (std::string why = missing(d, MatvecInt8::Storage8); !why.empty()) GTEST_SKIP() << why;
  vk::Transfer& t = vk_test::transfer();
  const Weights w = make_weights(4, 64, 8100);
  auto m = vk::DeviceMatrix::upload(d, t, DType::Q8_0, 4, 64, w.bytes, "w");
  ASSERT_TRUE(m.is_ok());
  const std::vector<float> f16_rows(4 * 64, 0.5f);
  auto mf = vk::DeviceMatrix::upload(d, t, DType::F16, 4, 64, vk_test::encode(DType::F16, f16_rows), "w16");
  ASSERT_TRUE(mf.is_ok());
  vk::Buffer x = vk_test::make_floats(d, 64, "x");
  vk::Buffer x_odd = vk_test::make_floats(d, 40, "x_odd");
  vk::Buffer y = vk_test::make_floats(d, 4, "y");
  vk::Buffer y_short = vk_test::make_floats(d, 3, "y_short");
  auto xq = vk::Buffer::create(d, ops::quantized_x_bytes(64), vk::MemoryUsage::DeviceLocal, "xq");
  auto xq_short = vk::Buffer::create(d, ops::quantized_x_bytes(32), vk::MemoryUsage::DeviceLocal, "xq_short");
  ASSERT_TRUE(xq.is_ok() && xq_short.is_ok());
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  auto expect = [](const Status& s, ErrorCode code, const std::string& part) {
    EXPECT_EQ(s.code(), code) << s.to_string();
    EXPECT_NE(s.message().find(part), std::string::npos) << s.message();
  };
  expect(ops::quantize_x(**seq, x_odd.whole(), xq->whole()), ErrorCode::InvalidArgument, "multiple of 32");
  expect(ops::quantize_x(**seq, x.whole(), xq_short->whole()), ErrorCode::InvalidArgument, "quantized_x_bytes");
  expect(ops::matvec_q8_f32(**seq, *mf, x.whole(), y.whole()), ErrorCode::InvalidArgument, "Q8_0 rows");
  expect(ops::matvec_q8_f32(**seq, *m, x.whole(), y_short.whole()), ErrorCode::InvalidArgument, "y of 4");
  expect(ops::matvec_q8_f32(**seq, *m, x_odd.whole(), y.whole()), ErrorCode::InvalidArgument, "x of 64");
  expect(ops::matvec_quantized(**seq, *m, xq_short->whole(), y.whole()), ErrorCode::InvalidArgument, "xq of 144");
  // Storage8 mode: the quantised product is refused, not run with a kernel the mode did not pick.
  expect(ops::matvec_quantized(**seq, *m, xq->whole(), y.whole()), ErrorCode::Unsupported,
         "matvec_wants_quantized_x");
  EXPECT_EQ((*seq)->n_commands(), 0u);
}
