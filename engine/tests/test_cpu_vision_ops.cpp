// test_cpu_vision_ops.cpp: the CPU reference vision ops (oracle of the vision op tests) on hand-computed cases.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "cpu/vision_ops.h"

using namespace lectern;

TEST(CpuVisionOps, LayerNormOfOneToFour) {
  // x = [1, 2, 3, 4]: mean 2.5, biased var (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25, 1/sqrt(1.25) = 0.894427191.
  // Row 2 = row 1 + 10 (the mean is removed, so the same result). weight [1, 2, 1, 2], bias [0, 0, 1, -1].
  std::vector<float> x = {1, 2, 3, 4, 11, 12, 13, 14}, y(8);
  std::vector<float> w = {1, 2, 1, 2}, b = {0, 0, 1, -1};
  ASSERT_TRUE(cpu::layer_norm(x, w, b, y, 4, 0.0f).is_ok());
  const float expect[4] = {-1.5f * 0.894427191f, -0.5f * 0.894427191f * 2, 0.5f * 0.894427191f + 1,
                           1.5f * 0.894427191f * 2 - 1};
  for (int r = 0; r < 2; ++r) {
    for (int i = 0; i < 4; ++i) EXPECT_NEAR(y[r * 4 + i], expect[i], 1e-5) << r << "," << i;
  }
  // eps enters under the root: var 1.25 + eps 0.75 = 2 -> x - mean scaled by 1/sqrt(2).
  ASSERT_TRUE(cpu::layer_norm(x, std::vector<float>(4, 1.0f), std::vector<float>(4, 0.0f), y, 4, 0.75f).is_ok());
  EXPECT_NEAR(y[0], -1.5f / std::numbers::sqrt2_v<float>, 1e-6);
}

TEST(CpuVisionOps, LayerNormRejectsBadShapes) {
  std::vector<float> x(6), y(6), w(4), b(4), b3(3);
  Status s = cpu::layer_norm(x, w, b, y, 4, 1e-6f);  // 6 is not whole rows of 4
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("rows of 4"), std::string::npos) << s.message();
  std::vector<float> x8(8), y8(8);
  EXPECT_EQ(cpu::layer_norm(x8, w, b3, y8, 4, 1e-6f).code(), ErrorCode::InvalidArgument);
}

TEST(CpuVisionOps, GeluValues) {
  // Published values: GELU(1) = 0.8413447 (erf), 0.8411920 (tanh approximation); GELU(-x) = GELU(x) - x, so GELU(-1) =
  // -0.1586553 (erf), -0.1588080 (tanh); GELU(0) = 0; GELU(3) = 2.9959502 (erf), 2.9963627 (tanh).
  std::vector<float> x = {1, -1, 0, 3}, y(4);
  ASSERT_TRUE(cpu::gelu_erf(x, y).is_ok());
  EXPECT_NEAR(y[0], 0.8413447f, 1e-6);
  EXPECT_NEAR(y[1], -0.1586553f, 1e-6);
  EXPECT_EQ(y[2], 0.0f);
  EXPECT_NEAR(y[3], 2.9959502f, 1e-6);
  ASSERT_TRUE(cpu::gelu_tanh(x, y).is_ok());
  EXPECT_NEAR(y[0], 0.8411920f, 1e-6);
  EXPECT_NEAR(y[1], -0.1588080f, 1e-6);
  EXPECT_EQ(y[2], 0.0f);
  EXPECT_NEAR(y[3], 2.9963627f, 1e-6);
  std::vector<float> y3(3);
  EXPECT_EQ(cpu::gelu_tanh(x, y3).code(), ErrorCode::InvalidArgument);
}

TEST(CpuVisionOps, AddBiasPerRow) {
  std::vector<float> x = {1, 2, 3, 4, 5, 6};
  ASSERT_TRUE(cpu::add_bias(x, std::vector<float>{10, 20, 30}).is_ok());
  EXPECT_EQ(x, (std::vector<float>{11, 22, 33, 14, 25, 36}));
  EXPECT_EQ(cpu::add_bias(x, std::vector<float>{1, 2, 3, 4}).code(), ErrorCode::InvalidArgument);
}

TEST(CpuVisionOps, RopeNeoxPairsHalves) {
  // head_dim 4: element 0 pairs with 2 (angle[0] = pi/2: (1, 3) -> (1*0 - 3*1, 3*0 + 1*1) = (-3, 1)), element 1 with
  // 3 (angle[1] = 0: unchanged). Second head of the row uses the same angles; second row uses angle pi for pair 1.
  std::vector<float> x = {1, 2, 3, 4, 5, 6, 7, 8, /* row 1 */ 1, 2, 3, 4, 5, 6, 7, 8};
  const float pi = std::numbers::pi_v<float>;
  std::vector<float> angles = {pi / 2, 0, 0, pi};
  ASSERT_TRUE(cpu::rope_neox(x, 2, 4, angles).is_ok());
  const float expect[16] = {-3, 2, 1, 4, -7, 6, 5, 8, 1, -2, 3, -4, 5, -6, 7, -8};
  for (int i = 0; i < 16; ++i) EXPECT_NEAR(x[i], expect[i], 1e-6) << i;
  std::vector<float> bad_angles(3);
  Status s = cpu::rope_neox(x, 2, 4, bad_angles);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("angles = [n, 2]"), std::string::npos) << s.message();
  EXPECT_EQ(cpu::rope_neox(x, 2, 3, angles).code(), ErrorCode::InvalidArgument);  // odd head_dim
}

TEST(CpuVisionOps, AttentionStaysInsideSegments) {
  // One head of dim 1, segments [1, 2]. Row 0 is alone: out = v0 = 5 whatever its score.
  // Rows 1, 2: keys 0 and ln 3. Query 1 -> scores (0, ln 3) -> weights (1/4, 3/4) -> 4/4 + 8*3/4 = 7.
  // Query 2 -> scores (0, 2 ln 3) -> weights (1/10, 9/10) -> 0.4 + 7.2 = 7.6. Scale 1.
  const float ln3 = std::log(3.0f);
  std::vector<float> q = {1, 1, 2}, k = {100, 0, ln3}, v = {5, 4, 8}, out(3);
  std::vector<uint32_t> segments = {1, 2};
  ASSERT_TRUE(cpu::attention_segments(q, k, v, 1, 1, segments, 1.0f, out).is_ok());
  EXPECT_NEAR(out[0], 5.0f, 1e-6);
  EXPECT_NEAR(out[1], 7.0f, 1e-5);
  EXPECT_NEAR(out[2], 7.6f, 1e-5);
  // Scale multiplies the scores: scale 0.5 with query 2 gives the query-1 weights.
  ASSERT_TRUE(cpu::attention_segments(q, k, v, 1, 1, segments, 0.5f, out).is_ok());
  EXPECT_NEAR(out[2], 7.0f, 1e-5);
}

TEST(CpuVisionOps, AttentionTwoHeadsAreIndependent) {
  // 2 heads of dim 2, one segment of 2 rows. Head 0 keys equal -> mean of v; head 1 query 0 -> mean of v too, but
  // head 1 of row 1 has scores (0, ln 3 via q=(1,0), k1=(ln3,0)) -> weights (1/4, 3/4).
  const float ln3 = std::log(3.0f);
  // [n=2, heads=2, dim=2]
  std::vector<float> q = {1, 0, 0, 0, /* row 1 */ 1, 0, 1, 0};
  std::vector<float> k = {1, 1, 0, 0, /* row 1 */ 1, 1, ln3, 0};
  std::vector<float> v = {2, 4, 0, 8, /* row 1 */ 6, 0, 4, 0};
  std::vector<float> out(8);
  std::vector<uint32_t> segments = {2};
  ASSERT_TRUE(cpu::attention_segments(q, k, v, 2, 2, segments, 1.0f, out).is_ok());
  const float expect[8] = {4, 2, 2, 4, 4, 2, 3, 2};
  for (int i = 0; i < 8; ++i) EXPECT_NEAR(out[i], expect[i], 1e-5) << i;
}

TEST(CpuVisionOps, AttentionRejectsBadSegments) {
  std::vector<float> q(6), k(6), v(6), out(6);
  std::vector<uint32_t> too_many = {2, 2};  // 4 rows, but 6 elements of 2 heads x 1 are 3 rows
  Status s = cpu::attention_segments(q, k, v, 2, 1, too_many, 1.0f, out);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("segments sum to 4"), std::string::npos) << s.message();
  std::vector<uint32_t> empty_segment = {3, 0};
  EXPECT_EQ(cpu::attention_segments(q, k, v, 2, 1, empty_segment, 1.0f, out).code(), ErrorCode::InvalidArgument);
}
