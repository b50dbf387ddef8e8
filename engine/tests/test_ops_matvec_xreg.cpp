// test_ops_matvec_xreg.cpp: the x-in-registers decode kernel (matvec_xreg.comp, CPU devices such as lavapipe) with
// f32, f16, bf16, Q8_0, Q4_K, Q5_K and Q6_K weights vs the CPU reference: one chunk (K-quants: one super-block) per
// row (most invocations idle), whole and partial tiles, row counts around the workgroup's 64 rows, y = W x and the
// accumulating y += W x (matvec_add), several matrices in one dispatch (matvec_multi, K-quants mixed), the SwiGLU
// input (matvec_glu_add), RMSNorm folded into the product (matvec_norm, matvec_multi with a norm) against the CPU
// rms_norm followed by the product, weights split into row blocks by a lowered binding limit, and the fallbacks and
// errors where the kernel does not apply.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/quant.h"
#include "cpu/matmul.h"
#include "cpu/norm.h"
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

const DType k_types[] = {DType::F32, DType::F16, DType::BF16, DType::Q8_0, DType::Q4_K, DType::Q5_K, DType::Q6_K};

bool quantised(DType t) { return t != DType::F32 && t != DType::F16 && t != DType::BF16; }

// The smallest multiple of the kernel's row multiple (K-quants: 256) that is at least n.
uint64_t whole_rows(const ops::XregKernel& k, uint64_t n) {
  return (n + k.row_multiple - 1) / k.row_multiple * k.row_multiple;
}

struct Weights {
  std::vector<std::byte> bytes;  // [n_out] rows of `dtype`
  std::vector<float> values;     // [n_out, n_in] what the kernel must multiply by
};

Weights make_weights(DType dtype, uint64_t n_out, uint64_t n_in, uint64_t seed) {
  std::vector<float> w = vk_test::random_floats(n_out * n_in, seed);
  Weights out;
  if (!quantised(dtype)) {
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
  const vk_test::ReferenceProduct want =
      vk_test::reference_product(w.values, n_out, n_in, x, accumulate ? y0 : std::vector<float>{});
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
  const std::string label = std::string(accumulate ? "matvec_add" : "matvec") + "(type=" + dtype_name(dtype) +
                            ",shape=" + vk_test::shape({n_out, n_in}) +
                            ",blocks=" + std::to_string(m->blocks().size()) + ")";
  vk_test::report(label, vk_test::nmse(got, want.y), k_tolerance * std::max(1.0, want.kappa));
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
    const ops::XregKernel k = *ops::matvec_xreg_kernel(*d, dtype);
    const uint64_t lanes = d->limits().subgroup_size;
    // One chunk (every other invocation idle), one whole tile, a whole tile plus a partial one.
    const uint64_t one = k.row_multiple, whole = whole_rows(k, lanes * k.chunk);
    for (uint64_t n_in : {one, whole, whole_rows(k, (lanes + 3) * k.chunk)}) {
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
    const ops::XregKernel k = *ops::matvec_xreg_kernel(*d, dtype);
    const uint64_t n_in = whole_rows(k, (d->limits().subgroup_size + 1) * k.chunk);
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
    const ops::XregKernel k = *ops::matvec_xreg_kernel(*d, dtype);
    for (uint64_t n_in : {uint64_t{k.row_multiple}, whole_rows(k, (d->limits().subgroup_size + 3) * k.chunk)}) {
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

// y (downloaded from `y`) against the double product of w's values with `x`, reported under `label`.
void expect_product(vk::Transfer& t, const std::string& label, const vk::Buffer& y, const Weights& w,
                    const std::vector<float>& x, uint64_t n_out) {
  const vk_test::ReferenceProduct want = vk_test::reference_product(w.values, n_out, x.size(), x);
  vk_test::report(label, vk_test::nmse(vk_test::download_floats(t, y, n_out), want.y),
                  k_tolerance * std::max(1.0, want.kappa));
}

// matvec_norm and matvec_multi with a norm: the product of rms_norm(x) * w_norm, against the CPU's rms_norm (the
// separate dispatch the fusion replaces) followed by the product. x is large (|x| up to 8, so 1 / rms is far from 1)
// and is left unchanged (the residual stream keeps it). One tile and several; one type per dispatch and the
// Q4_K_M-style mix of K-quants in one dispatch.
TEST_F(OpsMatvecXreg, NormMatchesReference) {
  std::string why;
  auto d = cpu_device(&why);
  if (!d && why != "no Vulkan device") GTEST_SKIP() << why;
  ASSERT_TRUE(d) << why;
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  const float eps = 1e-6f;
  uint64_t seed = 9700;
  // x, the norm weights and the CPU's normed x for n_in columns.
  struct Input {
    std::vector<float> x, w_norm, normed;
  };
  auto make_input = [&](uint64_t n_in) {
    Input in{vk_test::random_floats(n_in, seed++, -8.0f, 8.0f), vk_test::random_floats(n_in, seed++, 0.5f, 1.5f),
             std::vector<float>(n_in)};
    EXPECT_TRUE(cpu::rms_norm(in.x, in.w_norm, in.normed, n_in, eps, 0.0f).is_ok());
    return in;
  };
  // One or more matrices of the given types and rows, with the norm; single matrices through matvec_norm.
  auto run = [&](const std::vector<DType>& types, const std::vector<uint64_t>& rows, uint64_t n_in) {
    const Input in = make_input(n_in);
    vk::Buffer bx = vk_test::upload_floats(*d, *t, in.x, "x");
    vk::Buffer bn = vk_test::upload_floats(*d, *t, in.w_norm, "norm");
    std::vector<Weights> ws;
    std::vector<vk::DeviceMatrix> ms;
    std::vector<vk::Buffer> ys;
    std::vector<ops::MatvecOut> outs;
    for (size_t i = 0; i < types.size(); ++i) {
      ws.push_back(make_weights(types[i], rows[i], n_in, seed++));
      auto m = vk::DeviceMatrix::upload(*d, *t, types[i], rows[i], n_in, ws.back().bytes, "w");
      ASSERT_TRUE(m.is_ok()) << m.status().to_string();
      ASSERT_TRUE(ops::matvec_can_norm(*d, *m));
      ms.push_back(std::move(m).value());
      ys.push_back(vk_test::upload_floats(*d, *t, vk_test::random_floats(rows[i], seed++), "y"));
    }
    for (size_t i = 0; i < types.size(); ++i) outs.push_back({&ms[i], ys[i].whole()});
    auto seq = vk::Sequence::create(*d);
    ASSERT_TRUE(seq.is_ok());
    const ops::InputNorm norm{bn.whole(), eps};
    Status s = types.size() == 1 ? ops::matvec_norm(**seq, ms[0], bx.whole(), norm, ys[0].whole())
                                 : ops::matvec_multi(**seq, outs, bx.whole(), &norm);
    ASSERT_TRUE(s.is_ok()) << s.to_string();
    EXPECT_EQ((*seq)->n_commands(), 1u);
    ASSERT_TRUE((*seq)->run().is_ok());
    for (size_t i = 0; i < types.size(); ++i) {
      const std::string label = std::string(types.size() == 1 ? "matvec_norm" : "matvec_multi_norm") +
                                "(type=" + dtype_name(types[i]) + ",matrices=" + std::to_string(types.size()) +
                                ",shape=" + vk_test::shape({rows[i], n_in}) + ")";
      expect_product(*t, label, ys[i], ws[i], in.normed, rows[i]);
    }
    EXPECT_EQ(vk_test::download_floats(*t, bx, n_in), in.x) << "the fused norm must not write x";
  };
  const uint64_t lanes = d->limits().subgroup_size;
  for (DType dtype : k_types) {
    const ops::XregKernel k = *ops::matvec_xreg_kernel(*d, dtype);
    for (uint64_t n_in : {whole_rows(k, lanes * k.chunk), whole_rows(k, (lanes + 3) * k.chunk)}) {
      run({dtype}, {65}, n_in);
      run({dtype, dtype}, {130, 16}, n_in);
    }
  }
  // Q4_K_M mixes Q4_K and Q6_K within a layer's projections (and Q5_K_M Q5_K and Q6_K): one dispatch, with and
  // without the norm.
  const std::vector<DType> mix = {DType::Q6_K, DType::Q4_K, DType::Q5_K, DType::Q4_K};
  run(mix, {200, 64, 16, 16}, 1024);
  {
    std::vector<Weights> ws;
    std::vector<vk::DeviceMatrix> ms;
    std::vector<vk::Buffer> ys;
    std::vector<ops::MatvecOut> outs;
    const std::vector<float> x = vk_test::random_floats(1280, seed++);
    vk::Buffer bx = vk_test::upload_floats(*d, *t, x, "x");
    const uint64_t rows[] = {70, 9, 33, 64};
    for (size_t i = 0; i < mix.size(); ++i) {
      ws.push_back(make_weights(mix[i], rows[i], 1280, seed++));
      auto m = vk::DeviceMatrix::upload(*d, *t, mix[i], rows[i], 1280, ws.back().bytes, "w");
      ASSERT_TRUE(m.is_ok()) << m.status().to_string();
      ms.push_back(std::move(m).value());
      ys.push_back(vk_test::make_floats(*d, rows[i], "y"));
    }
    for (size_t i = 0; i < mix.size(); ++i) outs.push_back({&ms[i], ys[i].whole()});
    ASSERT_TRUE(ops::matvec_multi_supported(*d, outs));
    auto seq = vk::Sequence::create(*d);
    ASSERT_TRUE(seq.is_ok());
    Status s = ops::matvec_multi(**seq, outs, bx.whole());
    ASSERT_TRUE(s.is_ok()) << s.to_string();
    ASSERT_TRUE((*seq)->run().is_ok());
    for (size_t i = 0; i < mix.size(); ++i)
      expect_product(*t, "matvec_multi(mixed k-quants,type=" + std::string(dtype_name(mix[i])) + ")", ys[i], ws[i], x,
                     rows[i]);
  }
  // Norm weights of the wrong length.
  Weights w = make_weights(DType::Q4_K, 4, 512, 5);
  auto m = vk::DeviceMatrix::upload(*d, *t, DType::Q4_K, 4, 512, w.bytes, "w");
  ASSERT_TRUE(m.is_ok());
  vk::Buffer x = vk_test::make_floats(*d, 512, "x"), bn = vk_test::make_floats(*d, 256, "norm");
  vk::Buffer y = vk_test::make_floats(*d, 4, "y");
  auto seq = vk::Sequence::create(*d);
  ASSERT_TRUE(seq.is_ok());
  const ops::InputNorm short_norm{bn.whole(), eps};
  Status s = ops::matvec_norm(**seq, *m, x.whole(), short_norm, y.whole());
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument) << s.to_string();
  EXPECT_NE(s.message().find("RMSNorm weights have 256"), std::string::npos) << s.message();
  const ops::MatvecOut one[] = {{&*m, y.whole()}};
  s = ops::matvec_multi(**seq, one, x.whole(), &short_norm);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument) << s.to_string();
}

// Rows that are not whole chunks (a Q8_0 row of 3 blocks, an f16 row of 40) take the strided kernels; matvec_add
// and matvec_norm then refuse, and bad sizes are rejected.
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
  for (const Case& c : {Case{DType::Q8_0, 96}, Case{DType::F16, 40}}) {
    Weights w = make_weights(c.dtype, 5, c.n_in, 77);
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
    EXPECT_FALSE(ops::matvec_can_norm(*d, *m));
    vk::Buffer bn = vk_test::make_floats(*d, c.n_in, "norm");
    s = ops::matvec_norm(**seq, *m, bx.whole(), {bn.whole(), 1e-6f}, by.whole());
    EXPECT_EQ(s.code(), ErrorCode::Unsupported) << s.to_string();
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
