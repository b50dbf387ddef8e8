// test_ops_gdn.cpp: the Gated DeltaNet elementwise-like ops on the device vs the CPU references of cpu/gdn.h: causal
// conv1d + SiLU with a carried state, q/k L2 norm, the gates and the gated RMSNorm (the delta rule itself is in
// test_ops_gdn_delta.cpp).
#include <gtest/gtest.h>

#include <cmath>

#include "cpu/gdn.h"
#include "ops/gdn.h"
#include "vk/command.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// Conv: each output is a K-term f32 dot product (relative error <= K ulp ~ 5e-7 in the worst case, typically
// ~1e-7) followed by an f32 SiLU (exp and a division: a few ulp). Per-element relative error ~2e-7 gives nmse ~4e-14;
// 1e-12 leaves a 25x margin while a wrong tap, shift or state row gives nmse > 1e-2. The state is a copy: exact.
constexpr double k_conv_tolerance = 1e-12;
// L2 norm: sum of dk <= 128 squares in f32 (relative error ~(dk / WG + log2 WG) ulp ~ 1e-6 worst), sqrt, a division
// and one or two products: per-element ~1e-6 relative at worst, nmse <= 1e-12; 1e-10 as for rms_norm.
constexpr double k_l2_tolerance = 1e-10;
// Gates: one exp and a division (beta), or exp, log and a product (g), each within a few ulp of the f64 reference:
// relative errors ~5e-7, nmse ~2.5e-13; 1e-11 leaves a 40x margin. A missed overflow branch gives inf or nan.
constexpr double k_gate_tolerance = 1e-11;
// Gated norm: rms_norm's f32 reduction (see test_ops_norm.cpp, nmse ~4e-12 at worst) times silu(z) (a few ulp).
constexpr double k_norm_tolerance = 1e-10;

void run(vk::Sequence& seq) {
  Status s = seq.run();
  ASSERT_TRUE(s.is_ok()) << s.to_string();
}

std::unique_ptr<vk::Sequence> new_sequence(vk::Device& d) {
  auto seq = vk::Sequence::create(d);
  EXPECT_TRUE(seq.is_ok()) << seq.status().to_string();
  return seq ? std::move(seq).value() : nullptr;
}

// Runs the conv over consecutive batches of `batches` tokens from a random non-zero state on both sides, comparing
// every batch's output and the final state.
void check_conv(vk::Device& d, vk::Transfer& t, size_t C, uint32_t K, std::vector<size_t> batches, uint64_t seed,
                uint32_t* n_dispatches = nullptr) {
  std::vector<float> w = vk_test::random_floats(C * K, seed, -1.0f, 1.0f);
  std::vector<float> state = vk_test::random_floats((K - 1) * C, seed + 1, -2.0f, 2.0f);
  vk::Buffer bw = vk_test::upload_floats(d, t, w, "w"), bs = vk_test::upload_floats(d, t, state, "state");
  std::string label = std::string("gdn_conv(type=f32,C=") + std::to_string(C) + ",K=" + std::to_string(K) + ",T=";
  double worst = 0.0;
  uint32_t dispatches = 0;
  for (size_t i = 0; i < batches.size(); ++i) {
    const size_t T = batches[i];
    label += std::string(i ? "+" : "") + std::to_string(T);
    std::vector<float> x = vk_test::random_floats(T * C, seed + 10 + i, -2.0f, 2.0f), want(T * C);
    ASSERT_TRUE(cpu::gdn_conv_silu(x, w, state, want, C, K).is_ok());
    vk::Buffer bx = vk_test::upload_floats(d, t, x, "x"), by = vk_test::make_floats(d, T * C, "y");
    auto seq = new_sequence(d);
    ASSERT_TRUE(seq);
    Status s = ops::gdn_conv(*seq, bx.whole(), bw.whole(), bs.whole(), by.whole(), C, K);
    ASSERT_TRUE(s.is_ok()) << s.to_string();
    dispatches += seq->n_commands();
    run(*seq);
    worst = std::max(worst, vk_test::nmse(vk_test::download_floats(t, by, T * C), want));
  }
  std::vector<float> got_state = vk_test::download_floats(t, bs, state.size());
  EXPECT_EQ(got_state, state) << label << ": the carried state must be the exact last K-1 raw rows";
  if (n_dispatches) {
    *n_dispatches = dispatches;
    label += std::string(",dispatches=") + std::to_string(dispatches);
  }
  vk_test::report(label + ")", worst, k_conv_tolerance);
}

cpu::GdnDims cpu_dims(const ops::GdnShape& s) {
  return {int(s.n_k_heads), int(s.n_v_heads), int(s.k_head_dim), int(s.v_head_dim), s.v_heads_tiled};
}

std::string shape_label(const ops::GdnShape& s) {
  return std::string("Hk=") + std::to_string(s.n_k_heads) + ",Hv=" + std::to_string(s.n_v_heads) + ",dk=" +
         std::to_string(s.k_head_dim) + ",dv=" + std::to_string(s.v_head_dim);
}

void check_l2(vk::Device& d, vk::Transfer& t, const ops::GdnShape& shape, size_t T, uint64_t seed,
              uint32_t* n_dispatches = nullptr) {
  const size_t C = shape.conv_channels(), n = T * C;
  std::vector<float> x = vk_test::random_floats(n, seed, -3.0f, 3.0f), want = x;
  ASSERT_TRUE(cpu::gdn_l2_norm_qk(want, cpu_dims(shape)).is_ok());
  vk::Buffer bx = vk_test::upload_floats(d, t, x, "qkv");
  auto seq = new_sequence(d);
  ASSERT_TRUE(seq);
  Status s = ops::gdn_l2_norm_qk(*seq, bx.whole(), shape);
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  if (n_dispatches) *n_dispatches = seq->n_commands();
  run(*seq);
  std::vector<float> got = vk_test::download_floats(t, bx, n);
  // v columns must be untouched.
  const size_t v0 = 2 * size_t(shape.n_k_heads) * shape.k_head_dim;
  for (size_t r = 0; r < T; ++r) {
    for (size_t i = v0; i < C; ++i) ASSERT_EQ(got[r * C + i], x[r * C + i]) << "v changed at row " << r;
  }
  vk_test::report(std::string("gdn_l2_norm_qk(type=f32,") + shape_label(shape) + ",T=" + std::to_string(T) +
                      (n_dispatches ? std::string(",dispatches=") + std::to_string(*n_dispatches) : "") + ")",
                  vk_test::nmse(got, want), k_l2_tolerance);
}

// a and b uniform in [-range, range).
void check_gates(vk::Device& d, vk::Transfer& t, size_t T, size_t Hv, float range, uint64_t seed,
                 uint32_t* n_dispatches = nullptr) {
  const size_t n = T * Hv;
  std::vector<float> b = vk_test::random_floats(n, seed, -range, range);
  std::vector<float> a = vk_test::random_floats(n, seed + 1, -range, range);
  std::vector<float> dt = vk_test::random_floats(Hv, seed + 2, -2.0f, 2.0f);
  std::vector<float> ssm_a = vk_test::random_floats(Hv, seed + 3, -8.0f, -0.1f);
  std::vector<float> want_beta(n), want_g(n);
  ASSERT_TRUE(cpu::gdn_gates(b, a, dt, ssm_a, want_beta, want_g, Hv).is_ok());
  vk::Buffer bb = vk_test::upload_floats(d, t, b, "b"), ba = vk_test::upload_floats(d, t, a, "a");
  vk::Buffer bdt = vk_test::upload_floats(d, t, dt, "dt_bias"), bsa = vk_test::upload_floats(d, t, ssm_a, "ssm_a");
  vk::Buffer bbeta = vk_test::make_floats(d, n, "beta"), bg = vk_test::make_floats(d, n, "g");
  auto seq = new_sequence(d);
  ASSERT_TRUE(seq);
  Status s = ops::gdn_gates(*seq, bb.whole(), ba.whole(), bdt.whole(), bsa.whole(), bbeta.whole(), bg.whole(),
                            uint32_t(Hv));
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  if (n_dispatches) *n_dispatches = seq->n_commands();
  run(*seq);
  const double e = std::max(vk_test::nmse(vk_test::download_floats(t, bbeta, n), want_beta),
                            vk_test::nmse(vk_test::download_floats(t, bg, n), want_g));
  vk_test::report(std::string("gdn_gates(type=f32,T=") + std::to_string(T) + ",Hv=" + std::to_string(Hv) +
                      ",range=" + std::to_string(int(range)) +
                      (n_dispatches ? std::string(",dispatches=") + std::to_string(*n_dispatches) : "") + ")",
                  e, k_gate_tolerance);
}

void check_gated_norm(vk::Device& d, vk::Transfer& t, size_t rows, size_t cols, bool in_place, uint64_t seed,
                      uint32_t* n_dispatches = nullptr) {
  const size_t n = rows * cols;
  std::vector<float> o = vk_test::random_floats(n, seed, -3.0f, 3.0f);
  std::vector<float> z = vk_test::random_floats(n, seed + 1, -6.0f, 6.0f);
  std::vector<float> w = vk_test::random_floats(cols, seed + 2, 0.5f, 1.5f), want(n);
  ASSERT_TRUE(cpu::gated_rms_norm(o, z, w, want, cols, 1e-6f).is_ok());
  vk::Buffer bo = vk_test::upload_floats(d, t, o, "o"), bz = vk_test::upload_floats(d, t, z, "z");
  vk::Buffer bw = vk_test::upload_floats(d, t, w, "w"), by = vk_test::make_floats(d, n, "y");
  const vk::Buffer& out = in_place ? bo : by;
  auto seq = new_sequence(d);
  ASSERT_TRUE(seq);
  Status s = ops::gated_rms_norm(*seq, bo.whole(), bz.whole(), bw.whole(), out.whole(), cols, 1e-6f);
  ASSERT_TRUE(s.is_ok()) << s.to_string();
  if (n_dispatches) *n_dispatches = seq->n_commands();
  run(*seq);
  vk_test::report(std::string("gated_rms_norm(type=f32,shape=") + vk_test::shape({rows, cols}) + (in_place ? ",in_place" : "") +
                      (n_dispatches ? std::string(",dispatches=") + std::to_string(*n_dispatches) : "") + ")",
                  vk_test::nmse(vk_test::download_floats(t, out, n), want), k_norm_tolerance);
}

}  // namespace

class OpsGdn : public vk_test::VulkanTest {};

TEST_F(OpsGdn, ConvMatchesReference) {
  vk::Device& d = vk_test::device();
  uint64_t seed = 100;
  for (size_t C : {37u, 1000u}) {
    for (size_t T : {1u, 2u, 3u, 64u, 65u}) check_conv(d, vk_test::transfer(), C, 4, {T}, seed += 20);
  }
  check_conv(d, vk_test::transfer(), 6144, 4, {7}, seed += 20);  // the 0.8B width
  check_conv(d, vk_test::transfer(), 50, 2, {5}, seed += 20);
  check_conv(d, vk_test::transfer(), 50, 7, {33}, seed += 20);
}

// The state carried across calls: short batches (T < K - 1 keeps old state rows), a prefill then decode steps.
TEST_F(OpsGdn, ConvCarriesStateAcrossCalls) {
  vk::Device& d = vk_test::device();
  check_conv(d, vk_test::transfer(), 37, 4, {1, 1, 1, 1}, 300);
  check_conv(d, vk_test::transfer(), 100, 4, {2, 65, 1, 3}, 400);
  check_conv(d, vk_test::transfer(), 100, 4, {64, 64}, 500);
}

// x and y larger than one binding (64 KiB here) run in chunks of whole tokens, each reading the state the previous
// chunk left.
TEST_F(OpsGdn, ConvSplitBindingsMatchReference) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  auto d = vk_test::make_device({});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  uint32_t n_dispatches = 0;
  check_conv(*d, *t, 1000, 4, {65, 3}, 600, &n_dispatches);
  EXPECT_EQ(n_dispatches, 6u);  // 16 rows of 4,000 bytes per binding: 65 tokens in 5 dispatches, then 1
}

TEST_F(OpsGdn, L2NormMatchesReference) {
  const ops::GdnShape shapes[] = {{2, 4, 32, 32, false}, {2, 4, 32, 32, false}, {1, 3, 64, 32, false},
                                  {16, 16, 128, 128, false}, {2, 2, 256, 64, false}};
  const size_t tokens[] = {1, 65, 7, 3, 2};
  for (size_t i = 0; i < 5; ++i) check_l2(vk_test::device(), vk_test::transfer(), shapes[i], tokens[i], 700 + i);
}

TEST_F(OpsGdn, GatesMatchReference) {
  uint64_t seed = 800;
  // Ranges of +-30 reach both softplus branches and saturate the sigmoid.
  check_gates(vk_test::device(), vk_test::transfer(), 1, 16, 4.0f, seed += 10);
  check_gates(vk_test::device(), vk_test::transfer(), 7, 3, 30.0f, seed += 10);
  check_gates(vk_test::device(), vk_test::transfer(), 65, 16, 30.0f, seed += 10);
  check_gates(vk_test::device(), vk_test::transfer(), 1000, 32, 10.0f, seed += 10);
}

// softplus must neither overflow (a + dt_bias = 100) nor lose the tiny tail (-60 gives e^-60 ~ 8.8e-27, not 0).
TEST_F(OpsGdn, GatesExtremeInputs) {
  vk::Device& d = vk_test::device();
  vk::Transfer& t = vk_test::transfer();
  std::vector<float> a = {100.0f, -60.0f, 0.0f, 20.5f}, b = {-100.0f, 100.0f, 0.0f, 3.0f};
  std::vector<float> dt = {0.0f}, ssm_a = {-1.0f}, want_beta(4), want_g(4);
  ASSERT_TRUE(cpu::gdn_gates(b, a, dt, ssm_a, want_beta, want_g, 1).is_ok());
  vk::Buffer bb = vk_test::upload_floats(d, t, b, "b"), ba = vk_test::upload_floats(d, t, a, "a");
  vk::Buffer bdt = vk_test::upload_floats(d, t, dt, "dt_bias"), bsa = vk_test::upload_floats(d, t, ssm_a, "ssm_a");
  vk::Buffer bbeta = vk_test::make_floats(d, 4, "beta"), bg = vk_test::make_floats(d, 4, "g");
  auto seq = new_sequence(d);
  ASSERT_TRUE(seq);
  ASSERT_TRUE(ops::gdn_gates(*seq, bb.whole(), ba.whole(), bdt.whole(), bsa.whole(), bbeta.whole(), bg.whole(), 1)
                  .is_ok());
  run(*seq);
  std::vector<float> beta = vk_test::download_floats(t, bbeta, 4), g = vk_test::download_floats(t, bg, 4);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_TRUE(std::isfinite(g[i]) && std::isfinite(beta[i])) << i;
    // GLSL's exp is accurate to (3 + 2 |x|) ulp: ~1e-5 relative at x = -60, from rounding x log2(e).
    EXPECT_NEAR(g[i], want_g[i], 1e-4 * std::fabs(want_g[i])) << i;
    EXPECT_NEAR(beta[i], want_beta[i], 1e-6) << i;
  }
  EXPECT_EQ(beta[0], 0.0f);
  EXPECT_EQ(beta[1], 1.0f);
}

TEST_F(OpsGdn, GatedNormMatchesReference) {
  struct Case {
    size_t rows, cols;
    bool in_place;
  };
  uint64_t seed = 900;
  for (Case c : {Case{1, 128, false}, Case{16, 128, true}, Case{33, 64, false}, Case{65 * 16, 128, false},
                 Case{3, 32, true}, Case{5, 256, false}}) {
    check_gated_norm(vk_test::device(), vk_test::transfer(), c.rows, c.cols, c.in_place, seed += 10);
  }
}

// The l2 and gated norms without subgroup arithmetic (shared-memory tree reduction).
TEST_F(OpsGdn, NormsSharedMemoryFallback) {
  if (!vk_test::device().use_subgroup_arithmetic()) GTEST_SKIP() << "the default device already uses the fallback";
  auto d = vk_test::make_device({.allow_subgroup_arithmetic = false});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  check_l2(*d, *t, {16, 16, 128, 128, false}, 3, 1400);
  check_l2(*d, *t, {1, 3, 64, 32, false}, 7, 1401);
  check_gated_norm(*d, *t, 65 * 16, 128, false, 1402);
  check_gated_norm(*d, *t, 3, 32, true, 1403);
}

// Activations larger than one binding (64 KiB here) run in chunks of whole rows / tokens.
TEST_F(OpsGdn, NormsAndGatesSplitBindingsMatchReference) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  auto d = vk_test::make_device({});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  uint32_t n = 0;
  check_l2(*d, *t, {2, 4, 32, 32, true}, 100, 1100, &n);  // 1 KiB rows: 64 per binding
  EXPECT_EQ(n, 2u);
  n = 0;
  check_gates(*d, *t, 2000, 16, 10.0f, 1200, &n);  // 64 B rows: 1024 per binding
  EXPECT_EQ(n, 2u);
  n = 0;
  check_gated_norm(*d, *t, 65 * 16, 128, true, 1300, &n);  // 512 B rows: 128 per binding
  EXPECT_EQ(n, 9u);
}

TEST_F(OpsGdn, RejectsBadArguments) {
  vk::Device& d = vk_test::device();
  vk::Buffer x = vk_test::make_floats(d, 40, "x"), w = vk_test::make_floats(d, 40, "w");
  vk::Buffer st = vk_test::make_floats(d, 30, "state"), y = vk_test::make_floats(d, 40, "y");
  auto seq = new_sequence(d);
  ASSERT_TRUE(seq);
  // Conv: C = 10, K = 4 needs w of 40 and a state of 30.
  EXPECT_TRUE(ops::gdn_conv(*seq, x.whole(), w.whole(), st.whole(), y.whole(), 10, 4).is_ok());
  Status s = ops::gdn_conv(*seq, x.whole(), w.whole(), y.whole(), y.whole(), 10, 4);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("state [K-1, C] has 40 elements, expected 30"), std::string::npos) << s.message();
  s = ops::gdn_conv(*seq, x.whole(), w.whole(), st.whole(), y.whole(), 10, 1);
  EXPECT_NE(s.message().find("kernel width"), std::string::npos) << s.message();
  s = ops::gdn_conv(*seq, x.whole(), w.whole(), st.whole(), x.whole(), 10, 4);
  EXPECT_NE(s.message().find("must not overlap"), std::string::npos) << s.message();
  s = ops::gdn_conv(*seq, x.whole(), w.whole(), st.whole(), y.whole(), 12, 4);
  EXPECT_NE(s.message().find("not whole rows of 12"), std::string::npos) << s.message();
  // L2 norm: dk must be a multiple of 32.
  s = ops::gdn_l2_norm_qk(*seq, x.whole(), {1, 1, 48, 32, false});
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("dk=48"), std::string::npos) << s.message();
  s = ops::gdn_l2_norm_qk(*seq, x.whole(), {2, 3, 32, 32, false});
  EXPECT_NE(s.message().find("multiple of Hk"), std::string::npos) << s.message();
  // Gates: dt_bias must have Hv elements.
  s = ops::gdn_gates(*seq, x.whole(), x.whole(), w.whole(), w.whole(), y.whole(), y.whole(), 4);
  EXPECT_NE(s.message().find("dt_bias [Hv] has 40 elements, expected 4"), std::string::npos) << s.message();
  // Gated norm: w must be one row.
  s = ops::gated_rms_norm(*seq, x.whole(), y.whole(), w.whole(), y.whole(), 8, 1e-6f);
  EXPECT_NE(s.message().find("w has 40 elements, expected 8"), std::string::npos) << s.message();
  EXPECT_EQ(ops::gated_rms_norm(*seq, x.whole(), y.whole(), w.whole(), y.whole(), 40, -1.0f).code(),
            ErrorCode::InvalidArgument);
  run(*seq);  // the one valid conv
}
