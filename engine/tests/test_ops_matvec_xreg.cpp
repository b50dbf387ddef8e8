// test_ops_matvec_xreg.cpp: the x-in-registers decode kernel (matvec_xreg.comp, CPU devices such as lavapipe) with
// f32, f16, bf16 and Q8_0 weights vs the CPU reference: one chunk per row (most invocations idle), whole and partial
// tiles, row counts around the workgroup's 64 rows, y = W x and the accumulating y += W x (matvec_add), several
// matrices in one dispatch (matvec_multi), the SwiGLU input (matvec_glu_add), weights split into row blocks by a
// lowered binding limit, and the fallbacks and errors where the kernel does not apply.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/quant.h"
#include "cpu/matmul.h"
#include "matmul_test_support.h"
#include "ops/kernel_config.h"
#include "ops/matmul.h"
#include "vk/command.h"
#include "vk/matrix.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// The kernel and the reference multiply the same (de)quantised weights; the kernel sums in f32 (a chunk of 16 to 64
// products per invocation, then a subgroup sum, then one add per tile) against a double reference. As in
// test_ops_quant_matmul.cpp, f32 rounding of sums of up to 704 terms gives an nmse of ~1e-14 .. 1e-12 relative to
// outputs of typical size, and kappa (sum of squared terms, y0 included, over sum of squared outputs) corrects for
// outputs that cancel by chance. 1e-10 keeps a 10x margin in rms error, while one misread word (a wrong element of
// a 64-element chunk gives nmse ~ 1 / n_in >= 1.4e-3) or a dropped tile fails by orders of magnitude.
constexpr double k_tolerance = 1e-10;

const DType k_types[] = {DType::F32, DType::F16, DType::BF16, DType::Q8_0};

struct Weights {
  std::vector<std::byte> bytes;  // [n_out] rows of `dtype`
  std::vector<float> values;     // [n_out, n_in] what the kernel must multiply by
};

Weights make_weights(DType dtype, uint64_t n_out, uint64_t n_in, uint64_t seed) {
  std::vector<float> w = vk_test::random_floats(n_out * n_in, seed);
  Weights out;
  if (dtype != DType::Q8_0) {
    out.bytes = vk_test::encode(dtype, w);
    out.values.resize(w.size());
    for (size_t i = 0; i < w.size(); ++i) {
      const auto* p = reinterpret_cast<const uint16_t*>(out.bytes.data());
      out.values[i] = dtype == DType::F32 ? w[i] : dtype == DType::F16 ? f16_to_f32(p[i]) : bf16_to_f32(p[i]);
    }
    return out;
  }
  const uint64_t row_bytes = dtype_row_bytes(dtype, n_in);
  out.bytes.resize(n_out * row_bytes);
  out.values.resize(n_out * n_in);
  for (uint64_t r = 0; r < n_out; ++r) {
    quantize_row(dtype, w.data() + r * n_in, out.bytes.data() + r * row_bytes, static_cast<int64_t>(n_in));
    dequantize_row(dtype, out.bytes.data() + r * row_bytes, out.values.data() + r * n_in, static_cast<int64_t>(n_in));
  }
  return out;
}

// y = y0 + W x (accumulate) or W x on the device, checked against a double reference; returns the row blocks used.
size_t check(vk::Device& d, vk::Transfer& t, DType dtype, uint64_t n_in, uint64_t n_out, bool accumulate,
             uint64_t seed) {
  Weights w = make_weights(dtype, n_out, n_in, seed);
  const std::vector<float> x = vk_test::random_floats(n_in, seed + 1);
  const std::vector<float> y0 = vk_test::random_floats(n_out, seed + 2);
  std::vector<float> want(n_out);
  double terms = 0.0, outputs = 0.0;
  for (uint64_t o = 0; o < n_out; ++o) {
    double sum = accumulate ? double(y0[o]) : 0.0;
    terms += sum * sum;
    for (uint64_t i = 0; i < n_in; ++i) {
      const double term = double(w.values[o * n_in + i]) * double(x[i]);
      sum += term;
      terms += term * term;
    }
    want[o] = static_cast<float>(sum);
    outputs += sum * sum;
  }
  auto m = vk::DeviceMatrix::upload(d, t, dtype, n_out, n_in, w.bytes, "w");
  EXPECT_TRUE(m.is_ok()) << m.status().to_string();
  if (!m) return 0;
  EXPECT_TRUE(ops::matvec_can_accumulate(d, *m)) << dtype_name(dtype) << " n_in " << n_in;
  vk::Buffer bx = vk_test::upload_floats(d, t, x, "x");
  vk::Buffer by = vk_test::upload_floats(d, t, y0, "y");
  auto seq = vk::Sequence::create(d);
  EXPECT_TRUE(seq.is_ok());
  if (!seq) return 0;
  Status s = accumulate ? ops::matvec_add(**seq, *m, bx.whole(), by.whole())
                        : ops::matvec(**seq, *m, bx.whole(), by.whole());
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  EXPECT_TRUE((*seq)->run().is_ok());
  const std::vector<float> got = vk_test::download_floats(t, by, n_out);
  const double kappa = outputs > 0.0 ? terms / outputs : 1.0;
  const std::string label = std::string(accumulate ? "matvec_add" : "matvec") + "(type=" + dtype_name(dtype) +
                            ",shape=" + vk_test::shape({n_out, n_in}) +
                            ",blocks=" + std::to_string(m->blocks().size()) + ")";
  vk_test::report(label, vk_test::nmse(got, want), k_tolerance * std::max(1.0, kappa));
  return m->blocks().size();
}

// A CPU-profile device (the kernel's launch shape), or null with the reason it cannot run here.
std::unique_ptr<vk::Device> cpu_device(std::string* why) {
  auto d = vk_test::make_device({.kernel_profile = vk::KernelProfile::Cpu});
  if (!d) {
    *why = "no Vulkan device";
    return d;
  }
  if (!ops::matvec_xreg_kernel(*d, DType::F32)) {
    *why = d->info().name + " has no subgroup arithmetic, or LECTERN_VK_MATVEC=classic is set";
    return nullptr;
  }
  return d;
}

}  // namespace

class OpsMatvecXreg : public vk_test::VulkanTest {};

TEST_F(OpsMatvecXreg, MatchesReference) {
  std::string why;
  auto d = cpu_device(&why);
  if (!d && why != "no Vulkan device") GTEST_SKIP() << why;
  ASSERT_TRUE(d) << why;
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  uint64_t seed = 9000;
  for (DType dtype : k_types) {
    const uint64_t chunk = ops::matvec_xreg_kernel(*d, dtype)->chunk;
    const uint64_t lanes = d->limits().subgroup_size;
    // One chunk (every other invocation idle), one whole tile, a whole tile plus a partial one.
    for (uint64_t n_in : {chunk, lanes * chunk, (lanes + 3) * chunk}) {
      for (uint64_t n_out : {1, 7, 65, 200}) {
        for (bool accumulate : {false, true}) check(*d, *t, dtype, n_in, n_out, accumulate, seed += 3);
      }
    }
  }
}

// matvec_multi: two to four matrices of one type and width with different row counts (partial workgroups, a
// 16-row matrix like ssm_beta) in one dispatch, each into its own y.
TEST_F(OpsMatvecXreg, MultiMatchesReference) {
  std::string why;
  auto d = cpu_device(&why);
  if (!d && why != "no Vulkan device") GTEST_SKIP() << why;
  ASSERT_TRUE(d) << why;
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  uint64_t seed = 9800;
  const std::vector<std::vector<uint64_t>> row_sets = {{65, 16}, {200, 7, 64}, {130, 64, 16, 16}};
  for (DType dtype : k_types) {
    const uint64_t n_in = (d->limits().subgroup_size + 1) * ops::matvec_xreg_kernel(*d, dtype)->chunk;
    for (const std::vector<uint64_t>& rows : row_sets) {
      const std::vector<float> x = vk_test::random_floats(n_in, seed++);
      vk::Buffer bx = vk_test::upload_floats(*d, *t, x, "x");
      std::vector<Weights> ws;
      std::vector<vk::DeviceMatrix> ms;
      std::vector<vk::Buffer> ys;
      std::vector<ops::MatvecOut> outs;
      for (uint64_t n_out : rows) {
        ws.push_back(make_weights(dtype, n_out, n_in, seed++));
        auto m = vk::DeviceMatrix::upload(*d, *t, dtype, n_out, n_in, ws.back().bytes, "w");
        ASSERT_TRUE(m.is_ok()) << m.status().to_string();
        ms.push_back(std::move(m).value());
        ys.push_back(vk_test::make_floats(*d, n_out, "y"));
      }
      for (size_t i = 0; i < rows.size(); ++i) outs.push_back({&ms[i], ys[i].whole()});
      ASSERT_TRUE(ops::matvec_multi_supported(*d, outs));
      auto seq = vk::Sequence::create(*d);
      ASSERT_TRUE(seq.is_ok());
      Status s = ops::matvec_multi(**seq, outs, bx.whole());
      ASSERT_TRUE(s.is_ok()) << s.to_string();
      EXPECT_EQ((*seq)->n_commands(), 1u);
      ASSERT_TRUE((*seq)->run().is_ok());
      for (size_t i = 0; i < rows.size(); ++i) {
        std::vector<float> want(rows[i]);
        double terms = 0.0, outputs = 0.0;
        for (uint64_t o = 0; o < rows[i]; ++o) {
          double sum = 0.0;
          for (uint64_t k = 0; k < n_in; ++k) {
            const double term = double(ws[i].values[o * n_in + k]) * double(x[k]);
            sum += term;
            terms += term * term;
          }
          want[o] = static_cast<float>(sum);
          outputs += sum * sum;
        }
        const double kappa = outputs > 0.0 ? terms / outputs : 1.0;
        const std::string label = "matvec_multi(type=" + std::string(dtype_name(dtype)) + ",matrices=" +
                                  std::to_string(rows.size()) + ",shape=" + vk_test::shape({rows[i], n_in}) + ")";
        vk_test::report(label, vk_test::nmse(vk_test::download_floats(*t, ys[i], rows[i]), want),
                        k_tolerance * std::max(1.0, kappa));
      }
    }
  }
  // Refusals: mixed weight types, unequal widths, and more than four matrices.
  Weights a = make_weights(DType::F32, 8, 64, 1), b = make_weights(DType::F16, 8, 64, 2);
  Weights c = make_weights(DType::F32, 8, 128, 3);
  auto ma = vk::DeviceMatrix::upload(*d, *t, DType::F32, 8, 64, a.bytes, "a");
  auto mb = vk::DeviceMatrix::upload(*d, *t, DType::F16, 8, 64, b.bytes, "b");
  auto mc = vk::DeviceMatrix::upload(*d, *t, DType::F32, 8, 128, c.bytes, "c");
  ASSERT_TRUE(ma.is_ok() && mb.is_ok() && mc.is_ok());
  vk::Buffer y = vk_test::make_floats(*d, 8, "y");
  const ops::MatvecOut mixed[] = {{&*ma, y.whole()}, {&*mb, y.whole()}};
  const ops::MatvecOut widths[] = {{&*ma, y.whole()}, {&*mc, y.whole()}};
  const ops::MatvecOut five[] = {{&*ma, y.whole()}, {&*ma, y.whole()}, {&*ma, y.whole()}, {&*ma, y.whole()},
                                 {&*ma, y.whole()}};
  EXPECT_FALSE(ops::matvec_multi_supported(*d, mixed));
  EXPECT_FALSE(ops::matvec_multi_supported(*d, widths));
  EXPECT_FALSE(ops::matvec_multi_supported(*d, five));
  vk::Buffer x = vk_test::make_floats(*d, 64, "x");
  auto seq = vk::Sequence::create(*d);
  ASSERT_TRUE(seq.is_ok());
  EXPECT_EQ(ops::matvec_multi(**seq, mixed, x.whole()).code(), ErrorCode::Unsupported);
  vk::Buffer y_short = vk_test::make_floats(*d, 7, "y_short");
  const ops::MatvecOut short_y[] = {{&*ma, y_short.whole()}};
  Status s = ops::matvec_multi(**seq, short_y, x.whole());
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument) << s.to_string();
}

// matvec_glu_add: y += W (silu(gate) * up), the MLP's activation, down projection and residual add in one product.
TEST_F(OpsMatvecXreg, GluAddMatchesReference) {
  std::string why;
  auto d = cpu_device(&why);
  if (!d && why != "no Vulkan device") GTEST_SKIP() << why;
  ASSERT_TRUE(d) << why;
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  uint64_t seed = 9900;
  for (DType dtype : k_types) {
    const uint64_t chunk = ops::matvec_xreg_kernel(*d, dtype)->chunk;
    for (uint64_t n_in : {chunk, (d->limits().subgroup_size + 3) * chunk}) {
      for (uint64_t n_out : {7, 130}) {
        Weights w = make_weights(dtype, n_out, n_in, seed++);
        // Gates down to -100 exercise silu's overflow limit (exp(100) is inf in f32: -0).
        const std::vector<float> g = vk_test::random_floats(n_in, seed++, -100.0f, 8.0f);
        const std::vector<float> u = vk_test::random_floats(n_in, seed++);
        const std::vector<float> y0 = vk_test::random_floats(n_out, seed++);
        std::vector<float> want(n_out);
        double terms = 0.0, outputs = 0.0;
        for (uint64_t o = 0; o < n_out; ++o) {
          double sum = y0[o];
          terms += sum * sum;
          for (uint64_t k = 0; k < n_in; ++k) {
            const double x = double(g[k]) / (1.0 + std::exp(-double(g[k]))) * double(u[k]);
            const double term = double(w.values[o * n_in + k]) * x;
            sum += term;
            terms += term * term;
          }
          want[o] = static_cast<float>(sum);
          outputs += sum * sum;
        }
        auto m = vk::DeviceMatrix::upload(*d, *t, dtype, n_out, n_in, w.bytes, "w");
        ASSERT_TRUE(m.is_ok()) << m.status().to_string();
        vk::Buffer bg = vk_test::upload_floats(*d, *t, g, "g"), bu = vk_test::upload_floats(*d, *t, u, "u");
        vk::Buffer by = vk_test::upload_floats(*d, *t, y0, "y");
        auto seq = vk::Sequence::create(*d);
        ASSERT_TRUE(seq.is_ok());
        Status s = ops::matvec_glu_add(**seq, *m, bg.whole(), bu.whole(), by.whole());
        ASSERT_TRUE(s.is_ok()) << s.to_string();
        ASSERT_TRUE((*seq)->run().is_ok());
        const double kappa = outputs > 0.0 ? terms / outputs : 1.0;
        const std::string label = "matvec_glu_add(type=" + std::string(dtype_name(dtype)) +
                                  ",shape=" + vk_test::shape({n_out, n_in}) + ")";
        vk_test::report(label, vk_test::nmse(vk_test::download_floats(*t, by, n_out), want),
                        k_tolerance * std::max(1.0, kappa));
      }
    }
  }
  // Mismatched gate / up sizes.
  Weights w = make_weights(DType::F32, 4, 64, 5);
  auto m = vk::DeviceMatrix::upload(*d, *t, DType::F32, 4, 64, w.bytes, "w");
  ASSERT_TRUE(m.is_ok());
  vk::Buffer g = vk_test::make_floats(*d, 64, "g"), u = vk_test::make_floats(*d, 32, "u");
  vk::Buffer y = vk_test::make_floats(*d, 4, "y");
  auto seq = vk::Sequence::create(*d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::matvec_glu_add(**seq, *m, g.whole(), u.whole(), y.whole());
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument) << s.to_string();
}

// Weights larger than one binding (64 KiB here, 128 MiB on lavapipe) are row blocks, one dispatch each, each
// writing (or adding to) its slice of y.
TEST_F(OpsMatvecXreg, SplitBindingsMatchReference) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  std::string why;
  auto d = cpu_device(&why);
  if (!d && why != "no Vulkan device") GTEST_SKIP() << why;
  ASSERT_TRUE(d) << why;
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  uint64_t seed = 9500;
  for (DType dtype : k_types) {
    for (bool accumulate : {false, true}) {
      EXPECT_GE(check(*d, *t, dtype, 1024, 300, accumulate, seed += 3), 2u)
          << "300 rows of 1024 must not fit in 64 KiB bindings";
    }
  }
}

// Rows that are not whole chunks (a Q8_0 row of 3 blocks) and types without the kernel take the strided kernels;
// matvec_add then refuses, and bad sizes are rejected.
TEST_F(OpsMatvecXreg, FallbacksAndErrors) {
  std::string why;
  auto d = cpu_device(&why);
  if (!d && why != "no Vulkan device") GTEST_SKIP() << why;
  ASSERT_TRUE(d) << why;
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  struct Case {
    DType dtype;
    uint64_t n_in;
  };
  for (const Case& c : {Case{DType::Q8_0, 96}, Case{DType::F16, 40}, Case{DType::Q4_K, 256}}) {
    Weights w = make_weights(c.dtype == DType::Q4_K ? DType::F32 : c.dtype, 5, c.n_in, 77);
    if (c.dtype == DType::Q4_K) {
      w.bytes.resize(5 * dtype_row_bytes(DType::Q4_K, c.n_in));
      for (uint64_t r = 0; r < 5; ++r)
        quantize_row(DType::Q4_K, w.values.data() + r * c.n_in,
                     w.bytes.data() + r * dtype_row_bytes(DType::Q4_K, c.n_in), static_cast<int64_t>(c.n_in));
    }
    auto m = vk::DeviceMatrix::upload(*d, *t, c.dtype, 5, c.n_in, w.bytes, "w");
    ASSERT_TRUE(m.is_ok()) << m.status().to_string();
    EXPECT_FALSE(ops::matvec_can_accumulate(*d, *m)) << dtype_name(c.dtype) << " n_in " << c.n_in;
    vk::Buffer bx = vk_test::make_floats(*d, c.n_in, "x");
    vk::Buffer by = vk_test::make_floats(*d, 5, "y");
    auto seq = vk::Sequence::create(*d);
    ASSERT_TRUE(seq.is_ok());
    Status s = ops::matvec_add(**seq, *m, bx.whole(), by.whole());
    EXPECT_EQ(s.code(), ErrorCode::Unsupported) << s.to_string();
    EXPECT_NE(s.message().find("matvec_can_accumulate"), std::string::npos) << s.message();
  }
  // Wrong x and y sizes.
  Weights w = make_weights(DType::F32, 4, 64, 78);
  auto m = vk::DeviceMatrix::upload(*d, *t, DType::F32, 4, 64, w.bytes, "w");
  ASSERT_TRUE(m.is_ok());
  vk::Buffer bx = vk_test::make_floats(*d, 63, "x");
  vk::Buffer by = vk_test::make_floats(*d, 4, "y");
  auto seq = vk::Sequence::create(*d);
  ASSERT_TRUE(seq.is_ok());
  Status s = ops::matvec_add(**seq, *m, bx.whole(), by.whole());
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("needs x of 64"), std::string::npos) << s.message();
}
