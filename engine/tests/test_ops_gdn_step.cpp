// test_ops_gdn_step.cpp: the fused GDN decode step (gdn_step.comp: q/k L2 norms, gates, one delta-rule token, gated
// RMSNorm) on the device vs the CPU references of cpu/gdn.h chained the same way, over several consecutive tokens
// (the state carries), for tiled (GGUF) and grouped (HF) v heads and the real 0.8B head count; plus its refusals.
#include <gtest/gtest.h>

#include <cmath>

#include "cpu/gdn.h"
#include "ops/gdn_step.h"
#include "vk/command.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// Every output passes through the L2 norms (sums of 128 squares), 128-term f32 dot products of the state with k and q
// (subgroup sums of 16-term partials) and the gated norm's 128-term sum of squares, each with a relative error of
// ~1e-6 at worst against the f32 chain of the references, which sum in another order; per element ~1e-6 gives nmse
// ~1e-12 at worst (measured on lavapipe: at most 8e-14), and a few tokens of state carried forward do not grow it
// much because alpha < 1 shrinks the old state. 1e-11 leaves a 3x margin in rms error over the worst-case estimate,
// while a wrong head mapping, gate or state row gives nmse ~1 and a missed norm, decay or beta 1e-3 or more.
constexpr double k_tolerance = 1e-11;

struct Inputs {
  std::vector<float> qkv, b, a, z;  // one token
};

// Runs `n_steps` tokens through gdn_step and the reference chain from the same random state; compares every output
// and the final state.
void check(vk::Device& d, vk::Transfer& t, const ops::GdnShape& s, int n_steps, uint64_t seed) {
  const cpu::GdnDims dims{int(s.n_k_heads), int(s.n_v_heads), int(s.k_head_dim), int(s.v_head_dim), s.v_heads_tiled};
  const size_t C = s.conv_channels(), Hv = s.n_v_heads, dv = s.v_head_dim, zw = Hv * dv;
  const float eps = 1e-6f;
  std::vector<float> dt_bias = vk_test::random_floats(Hv, seed, -1.0f, 1.0f);
  std::vector<float> ssm_a = vk_test::random_floats(Hv, seed + 1, -2.0f, -0.05f);
  std::vector<float> norm_w = vk_test::random_floats(dv, seed + 2, 0.5f, 1.5f);
  std::vector<float> state = vk_test::random_floats(Hv * s.k_head_dim * dv, seed + 3, -0.5f, 0.5f);
  vk::Buffer bdt = vk_test::upload_floats(d, t, dt_bias, "dt_bias"), bssm = vk_test::upload_floats(d, t, ssm_a, "a");
  vk::Buffer bnw = vk_test::upload_floats(d, t, norm_w, "norm_w"), bst = vk_test::upload_floats(d, t, state, "state");
  vk::Buffer bqkv = vk_test::make_floats(d, C, "qkv"), bb = vk_test::make_floats(d, Hv, "b");
  vk::Buffer ba = vk_test::make_floats(d, Hv, "a"), bz = vk_test::make_floats(d, zw, "z");
  vk::Buffer bo = vk_test::make_floats(d, zw, "o");
  const std::string label = "gdn_step(Hk=" + std::to_string(s.n_k_heads) + ",Hv=" + std::to_string(Hv) +
                            (s.v_heads_tiled ? ",tiled" : ",grouped");
  for (int step = 0; step < n_steps; ++step) {
    const uint64_t sd = seed + 10 * (step + 1);
    std::vector<float> qkv = vk_test::random_floats(C, sd, -2.0f, 2.0f);
    std::vector<float> b = vk_test::random_floats(Hv, sd + 1, -4.0f, 4.0f);
    std::vector<float> a = vk_test::random_floats(Hv, sd + 2, -4.0f, 4.0f);
    std::vector<float> z = vk_test::random_floats(zw, sd + 3, -3.0f, 3.0f);
    ASSERT_TRUE(t.upload(bqkv, 0, qkv.data(), C * 4).is_ok());
    ASSERT_TRUE(t.upload(bb, 0, b.data(), Hv * 4).is_ok());
    ASSERT_TRUE(t.upload(ba, 0, a.data(), Hv * 4).is_ok());
    ASSERT_TRUE(t.upload(bz, 0, z.data(), zw * 4).is_ok());

    std::vector<float> beta(Hv), g(Hv), o(zw), want(zw);
    ASSERT_TRUE(cpu::gdn_l2_norm_qk(qkv, dims).is_ok());
    ASSERT_TRUE(cpu::gdn_gates(b, a, dt_bias, ssm_a, beta, g, Hv).is_ok());
    ASSERT_TRUE(cpu::gdn_delta_rule(qkv, g, beta, state, o, dims, false).is_ok());
    ASSERT_TRUE(cpu::gated_rms_norm(o, z, norm_w, want, dv, eps).is_ok());

    auto seq = vk::Sequence::create(d);
    ASSERT_TRUE(seq.is_ok());
    Status st = ops::gdn_step(**seq, bqkv.whole(), bb.whole(), ba.whole(), bdt.whole(), bssm.whole(), bst.whole(),
                              bz.whole(), bnw.whole(), bo.whole(), s, eps);
    ASSERT_TRUE(st.is_ok()) << st.to_string();
    EXPECT_EQ((*seq)->n_commands(), 1u);
    ASSERT_TRUE((*seq)->run().is_ok());
    vk_test::report(label + ",step=" + std::to_string(step) + ",out=o)",
                    vk_test::nmse(vk_test::download_floats(t, bo, zw), want), k_tolerance);
  }
  vk_test::report(label + ",steps=" + std::to_string(n_steps) + ",out=state)",
                  vk_test::nmse(vk_test::download_floats(t, bst, state.size()), state), k_tolerance);
}

std::unique_ptr<vk::Device> cpu_device() { return vk_test::make_device({.kernel_profile = vk::KernelProfile::Cpu}); }

}  // namespace

class OpsGdnStep : public vk_test::VulkanTest {};

TEST_F(OpsGdnStep, MatchesReferenceChain) {
  auto d = cpu_device();
  ASSERT_TRUE(d);
  if (!ops::gdn_step_supported(*d, {16, 16, 128, 128, true}))
    GTEST_SKIP() << d->info().name << " lacks 8-wide subgroup arithmetic; the separate GDN ops run there instead";
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  check(*d, *t, {2, 4, 128, 128, true}, 3, 100);
  check(*d, *t, {2, 4, 128, 128, false}, 3, 200);
  check(*d, *t, {16, 16, 128, 128, true}, 2, 300);
}

TEST_F(OpsGdnStep, RefusesWhatItDoesNotHandle) {
  auto d = cpu_device();
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  const ops::GdnShape small{1, 2, 64, 64, true};
  EXPECT_FALSE(ops::gdn_step_supported(*d, small));
  auto gpu = vk_test::make_device({.kernel_profile = vk::KernelProfile::Gpu});
  ASSERT_TRUE(gpu);
  EXPECT_FALSE(ops::gdn_step_supported(*gpu, {16, 16, 128, 128, true})) << "GPU profiles use the separate ops";

  const ops::GdnShape s{2, 4, 128, 128, true};
  const size_t C = s.conv_channels();
  vk::Buffer qkv = vk_test::make_floats(*d, C, "qkv"), h = vk_test::make_floats(*d, 4, "h");
  vk::Buffer state = vk_test::make_floats(*d, 4 * 128 * 128, "state"), z = vk_test::make_floats(*d, 512, "z");
  vk::Buffer w = vk_test::make_floats(*d, 128, "w"), o = vk_test::make_floats(*d, 512, "o");
  auto seq = vk::Sequence::create(*d);
  ASSERT_TRUE(seq.is_ok());
  Status st = ops::gdn_step(**seq, qkv.whole(), h.whole(), h.whole(), h.whole(), h.whole(), state.whole(),
                            z.whole(), w.whole(), o.whole(), small, 1e-6f);
  EXPECT_EQ(st.code(), ErrorCode::Unsupported) << st.to_string();
  if (!ops::gdn_step_supported(*d, s)) return;
  // A token count other than one (qkv of two rows), and o aliasing the gate.
  vk::Buffer qkv2 = vk_test::make_floats(*d, 2 * C, "qkv2");
  st = ops::gdn_step(**seq, qkv2.whole(), h.whole(), h.whole(), h.whole(), h.whole(), state.whole(), z.whole(),
                     w.whole(), o.whole(), s, 1e-6f);
  EXPECT_EQ(st.code(), ErrorCode::InvalidArgument) << st.to_string();
  st = ops::gdn_step(**seq, qkv.whole(), h.whole(), h.whole(), h.whole(), h.whole(), state.whole(), z.whole(),
                     w.whole(), z.whole(), s, 1e-6f);
  EXPECT_EQ(st.code(), ErrorCode::InvalidArgument) << st.to_string();
  EXPECT_NE(st.message().find("overlap"), std::string::npos) << st.message();
}
