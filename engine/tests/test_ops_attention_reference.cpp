// test_ops_attention_reference.cpp: the CPU references of the attention ops (IMROPE axis rule, per-head norm + RoPE,
// causal gated attention) and the host-side RoPE frequency table, on small hand-computed cases.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "cpu/attention.h"
#include "ops/rope.h"

using namespace lectern;

TEST(AttentionReference, ImropeAxisFollowsQwenSections) {
  // qwen35.md §2.5.3 with sections [11, 11, 10, 0]: pair i uses T, H, W for i mod 3 = 0, 1, 2 (i < 32).
  const std::array<uint32_t, 4> qwen{11, 11, 10, 0};
  for (uint32_t i = 0; i < 32; ++i) EXPECT_EQ(cpu::imrope_axis(i, qwen), static_cast<int>(i % 3)) << i;
  // Sections [2, 1, 1, 0] (total 4): sector s = i mod 4; s = 0 -> T, 1 -> H (1 < 3), 2 -> W (2 < 3), 3 -> T (3 < 6).
  const std::array<uint32_t, 4> small{2, 1, 1, 0};
  const int want[] = {0, 1, 2, 0, 0, 1, 2, 0};
  for (uint32_t i = 0; i < 8; ++i) EXPECT_EQ(cpu::imrope_axis(i, small), want[i]) << i;
  // A 4th section is reached: [1, 1, 1, 1] (total 4): s = 3 is %3 == 0 but not < 3 * 1 -> axis 3.
  EXPECT_EQ(cpu::imrope_axis(3, {1, 1, 1, 1}), 3);
}

TEST(AttentionReference, NormThenRotateOneHead) {
  // head_dim 4, n_rot 4, theta 100: pairs (0, 2) with inv_freq 1 and (1, 3) with inv_freq 100^(-1/2) = 0.1.
  // x = [3, 4, 0, 0], w = [1, 1, 2, 2], eps 0: rms = sqrt(25 / 4) = 2.5 -> [1.2, 1.6, 0, 0] (w of dims 2, 3 times 0).
  // Position 2 on every axis: pair 0 rotates by 2 rad, pair 1 by 0.2 rad:
  //   x0 = 1.2 cos 2, x2 = 1.2 sin 2, x1 = 1.6 cos 0.2, x3 = 1.6 sin 0.2.
  std::vector<float> x = {3, 4, 0, 0};
  std::vector<float> w = {1, 1, 2, 2};
  std::vector<int32_t> pos = {2, 2, 2};
  cpu::RopeParams rope{4, 100.0, {1, 1, 0, 0}};
  ASSERT_TRUE(cpu::head_norm_rope(x, {1, 1, 4, 4, 4}, w, 0.0f, rope, pos).is_ok());
  EXPECT_NEAR(x[0], 1.2 * std::cos(2.0), 1e-6);
  EXPECT_NEAR(x[2], 1.2 * std::sin(2.0), 1e-6);
  EXPECT_NEAR(x[1], 1.6 * std::cos(0.2), 1e-6);
  EXPECT_NEAR(x[3], 1.6 * std::sin(0.2), 1e-6);
}

TEST(AttentionReference, RotationUsesTheSectionedAxisAndSkipsTheGate) {
  // Two interleaved heads of [query(6) | gate(6)], n_rot 4, theta 100, no norm. Sections [1, 1, 0, 0]: pair 0
  // (dims 0, 2; inv_freq 1) uses T, pair 1 (dims 1, 3; inv_freq 0.1) uses H. The query is [0, 1, 0, 0, 5, 6]: pair 0
  // is zero, so only H matters: H = 0 leaves everything as it was although T and W are large; H = 10 turns
  // (x1, x3) = (1, 0) into (cos 1, sin 1). Dims 4, 5 (past n_rot) and the gates are never touched.
  const std::vector<float> x = {0, 1, 0, 0, 5, 6, 9, 9, 9, 9, 9, 9, 0, 1, 0, 0, 7, 8, 9, 9, 9, 9, 9, 9};
  const cpu::RopeParams rope{4, 100.0, {1, 1, 0, 0}};
  const cpu::HeadRows rows{1, 2, 6, 12, 24};
  std::vector<float> y = x;
  ASSERT_TRUE(cpu::head_norm_rope(y, rows, {}, 0.0f, rope, std::vector<int32_t>{1000, 0, 77}).is_ok());
  EXPECT_EQ(y, x);
  y = x;
  ASSERT_TRUE(cpu::head_norm_rope(y, rows, {}, 0.0f, rope, std::vector<int32_t>{1000, 10, 77}).is_ok());
  for (size_t h : {0u, 12u}) {
    EXPECT_EQ(y[h + 0], 0.0f);
    EXPECT_EQ(y[h + 2], 0.0f);
    EXPECT_NEAR(y[h + 1], std::cos(1.0), 1e-7);
    EXPECT_NEAR(y[h + 3], std::sin(1.0), 1e-7);
    for (size_t i = 4; i < 12; ++i) EXPECT_EQ(y[h + i], x[h + i]) << h + i;
  }
}

TEST(AttentionReference, GatedAttentionTwoKeys) {
  // One head, head_dim 2, scale 1, two tokens at positions 0 and 1 (n_past 0):
  //   q = [1, 0] for both, gate 0 -> sigmoid 0.5; k0 = [0, 0] (score 0), k1 = [ln 3, 0] (score ln 3).
  //   v0 = [4, 8], v1 = [0, 4].
  // Token 0 sees key 0 only: out = v0 * 0.5 = [2, 4].
  // Token 1 sees both with weights 1/4, 3/4: [1, 2 + 3] * 0.5 = [0.5, 2.5].
  std::vector<float> qg = {1, 0, 0, 0, 1, 0, 0, 0};
  std::vector<float> k = {0, 0, static_cast<float>(std::log(3.0)), 0};
  std::vector<float> v = {4, 8, 0, 4};
  std::vector<float> out(4);
  ASSERT_TRUE(cpu::gated_attention(qg, k, v, {2, 0, 1, 1, 2, 1.0}, out).is_ok());
  EXPECT_NEAR(out[0], 2.0, 1e-6);
  EXPECT_NEAR(out[1], 4.0, 1e-6);
  EXPECT_NEAR(out[2], 0.5, 1e-6);
  EXPECT_NEAR(out[3], 2.5, 1e-6);
}

TEST(AttentionReference, GatedAttentionGroupsHeadsAndGates) {
  // Two query heads on one kv head (GQA), n_past 1, one new token: keys 0 and 1 both visible. Head 0 has q = 0
  // (uniform weights 1/2) and gate 0; head 1 has q = [ln 3, 0] against k1 = [1, 0] (weights 1/4, 3/4) and a gate
  // of +inf-like 100 (sigmoid 1). v0 = [4, 0], v1 = [0, 4]:
  //   head 0: [2, 2] * 0.5 = [1, 1];  head 1: [1, 3] * 1 = [1, 3].
  const float ln3 = static_cast<float>(std::log(3.0));
  std::vector<float> qg = {0, 0, 0, 0, ln3, 0, 100, 100};
  std::vector<float> k = {0, 0, 1, 0};
  std::vector<float> v = {4, 0, 0, 4};
  std::vector<float> out(4);
  ASSERT_TRUE(cpu::gated_attention(qg, k, v, {1, 1, 2, 1, 2, 1.0}, out).is_ok());
  EXPECT_NEAR(out[0], 1.0, 1e-6);
  EXPECT_NEAR(out[1], 1.0, 1e-6);
  EXPECT_NEAR(out[2], 1.0, 1e-6);
  EXPECT_NEAR(out[3], 3.0, 1e-6);
}

TEST(AttentionReference, RejectsBadShapes) {
  std::vector<float> qg(8), k(4), v(4), out(4);
  EXPECT_EQ(cpu::gated_attention(qg, k, v, {2, 0, 3, 2, 2, 1.0}, out).code(), ErrorCode::InvalidArgument);  // 3 % 2
  EXPECT_EQ(cpu::gated_attention(qg, k, v, {2, 5, 1, 1, 2, 1.0}, out).code(), ErrorCode::InvalidArgument);  // cache
  std::vector<float> x(8);
  std::vector<int32_t> pos(3);
  EXPECT_EQ(cpu::head_norm_rope(x, {1, 1, 8, 8, 8}, {}, 0.0f, {10, 1e4, {}}, pos).code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(cpu::head_norm_rope(x, {2, 1, 4, 4, 4}, {}, 0.0f, {4, 1e4, {}}, pos).code(), ErrorCode::InvalidArgument);
}

TEST(AttentionReference, RopeTableHoldsExactTurnsAndAxes) {
  // Each entry's 64-bit fixed-point fraction times 2 pi must give back inv_freq[i] = theta^(-2i / n_rot) to far
  // better than f32 (rounding F costs 2^-64 / (inv_freq / 2 pi) relative: ~1e-17 for i = 0, ~1e-11 for the last).
  ops::RopeConfig config{64, 1e7, {11, 11, 10, 0}};
  std::vector<uint32_t> e = ops::rope_table_entries(config);
  ASSERT_EQ(e.size(), 4u * 32);
  for (uint32_t i = 0; i < 32; ++i) {
    const uint64_t f = (uint64_t{e[4 * i + 1]} << 32) | e[4 * i];
    const double inv_freq = std::ldexp(static_cast<double>(f), -64) * 2.0 * M_PI;
    const double want = std::pow(1e7, -2.0 * i / 64.0);
    EXPECT_NEAR(inv_freq / want, 1.0, 1e-9) << i;
    EXPECT_EQ(e[4 * i + 2], i % 3) << i;
    EXPECT_EQ(e[4 * i + 3], 0u);
  }
}
