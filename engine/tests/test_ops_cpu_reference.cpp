// test_ops_cpu_reference.cpp: the CPU reference ops (the oracle of every op test) on small hand-computed cases.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "core/dtype.h"
#include "cpu/convert.h"
#include "cpu/elementwise.h"
#include "cpu/matmul.h"
#include "cpu/norm.h"

using namespace lectern;

namespace {

std::vector<std::byte> as_bytes(DType dtype, const std::vector<float>& v) {
  std::vector<std::byte> out;
  for (float f : v) {
    if (dtype == DType::F32) {
      std::byte b[4];
      std::memcpy(b, &f, 4);
      out.insert(out.end(), b, b + 4);
    } else {
      uint16_t h = dtype == DType::F16 ? f32_to_f16(f) : f32_to_bf16(f);
      std::byte b[2];
      std::memcpy(b, &h, 2);
      out.insert(out.end(), b, b + 2);
    }
  }
  return out;
}

}  // namespace

TEST(CpuReference, MatvecTwoByThree) {
  // W = [[1, 2, 3], [4, 5, 6]], x = [1, 2, 3]: y = [1 + 4 + 9, 4 + 10 + 18] = [14, 32].
  auto w = as_bytes(DType::F32, {1, 2, 3, 4, 5, 6});
  std::vector<float> x = {1, 2, 3}, y(2);
  ASSERT_TRUE(cpu::matvec(DType::F32, w, 2, 3, x, y).is_ok());
  EXPECT_EQ(y, (std::vector<float>{14, 32}));
}

TEST(CpuReference, MatvecSixteenBitWeights) {
  // Values exact in f16 and bf16. W = [[0.5, -1.5, 2], [3, 0.25, -4]], x = [2, 4, 1]:
  // y0 = 1 - 6 + 2 = -3, y1 = 6 + 1 - 4 = 3.
  for (DType dtype : {DType::F16, DType::BF16}) {
    auto w = as_bytes(dtype, {0.5f, -1.5f, 2, 3, 0.25f, -4});
    std::vector<float> x = {2, 4, 1}, y(2);
    ASSERT_TRUE(cpu::matvec(dtype, w, 2, 3, x, y).is_ok()) << dtype_name(dtype);
    EXPECT_EQ(y, (std::vector<float>{-3, 3})) << dtype_name(dtype);
  }
}

TEST(CpuReference, MatmulTwoTokens) {
  // X = [[1, 2, 3], [0, 1, 0]], W = [[1, 2, 3], [4, 5, 6]]: Y = X W^T = [[14, 32], [2, 5]].
  auto w = as_bytes(DType::F32, {1, 2, 3, 4, 5, 6});
  std::vector<float> x = {1, 2, 3, 0, 1, 0}, y(4);
  ASSERT_TRUE(cpu::matmul(DType::F32, w, 2, 3, x, y, 2).is_ok());
  EXPECT_EQ(y, (std::vector<float>{14, 32, 2, 5}));
}

TEST(CpuReference, MatmulRejectsBadShapes) {
  auto w = as_bytes(DType::F32, {1, 2, 3, 4, 5});  // one element short of [2, 3]
  std::vector<float> x = {1, 2, 3}, y(2);
  Status s = cpu::matvec(DType::F32, w, 2, 3, x, y);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("needs 24 bytes, got 20"), std::string::npos) << s.message();
  std::vector<float> y3(3);
  auto w6 = as_bytes(DType::F32, {1, 2, 3, 4, 5, 6});
  EXPECT_EQ(cpu::matvec(DType::F32, w6, 2, 3, x, y3).code(), ErrorCode::InvalidArgument);
}

TEST(CpuReference, RmsNormOfThreeFour) {
  // x = [3, 4]: mean(x^2) = 12.5, rms = 3.5355339; x / rms = [0.8485281, 1.1313708].
  std::vector<float> x = {3, 4}, y(2);
  ASSERT_TRUE(cpu::rms_norm(x, std::vector<float>{1, 1}, y, 2, 0.0f, 0.0f).is_ok());
  EXPECT_NEAR(y[0], 0.8485281f, 1e-6);
  EXPECT_NEAR(y[1], 1.1313708f, 1e-6);
  // Zero-centred weight [0, 1] with offset 1 scales by [1, 2].
  ASSERT_TRUE(cpu::rms_norm(x, std::vector<float>{0, 1}, y, 2, 0.0f, 1.0f).is_ok());
  EXPECT_NEAR(y[0], 0.8485281f, 1e-6);
  EXPECT_NEAR(y[1], 2.2627417f, 1e-6);
  // Two rows [[3, 4], [0, 5]]: the second has mean(x^2) = 12.5 too, so [0, 1.4142136].
  std::vector<float> x2 = {3, 4, 0, 5}, y2(4);
  ASSERT_TRUE(cpu::rms_norm(x2, std::vector<float>{1, 1}, y2, 2, 0.0f, 0.0f).is_ok());
  EXPECT_NEAR(y2[2], 0.0f, 1e-7);
  EXPECT_NEAR(y2[3], 1.4142136f, 1e-6);
  // eps enters under the root: x = [1, 1], eps = 1 -> 1 / sqrt(2).
  std::vector<float> ones = {1, 1};
  ASSERT_TRUE(cpu::rms_norm(ones, ones, y, 2, 1.0f, 0.0f).is_ok());
  EXPECT_NEAR(y[0], 0.70710678f, 1e-7);
}

TEST(CpuReference, RmsNormRejectsBadShapes) {
  std::vector<float> x = {1, 2, 3}, w = {1, 1}, y(3);
  Status s = cpu::rms_norm(x, w, y, 2, 1e-6f, 0.0f);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("rows of 2"), std::string::npos) << s.message();
}

TEST(CpuReference, AddMulBroadcast) {
  std::vector<float> a = {1, 2, 3, 4}, b = {10, 20}, y(4);
  ASSERT_TRUE(cpu::add(a, b, y).is_ok());
  EXPECT_EQ(y, (std::vector<float>{11, 22, 13, 24}));
  ASSERT_TRUE(cpu::mul(a, b, y).is_ok());
  EXPECT_EQ(y, (std::vector<float>{10, 40, 30, 80}));
  ASSERT_TRUE(cpu::add(a, a, y).is_ok());
  EXPECT_EQ(y, (std::vector<float>{2, 4, 6, 8}));
  std::vector<float> b3 = {1, 2, 3};
  Status s = cpu::add(a, b3, y);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("b 3"), std::string::npos) << s.message();
}

TEST(CpuReference, SiluMul) {
  // silu(1) * 2 = 2 / (1 + e^-1) = 1.4621172; silu(0) * 5 = 0; silu(-1) * 1 = -1 / (1 + e) = -0.26894142.
  std::vector<float> a = {1, 0, -1}, b = {2, 5, 1}, y(3);
  ASSERT_TRUE(cpu::silu_mul(a, b, y).is_ok());
  EXPECT_NEAR(y[0], 1.4621172f, 1e-6);
  EXPECT_EQ(y[1], 0.0f);
  EXPECT_NEAR(y[2], -0.26894142f, 1e-7);
  std::vector<float> short_b = {1, 2};
  EXPECT_EQ(cpu::silu_mul(a, short_b, y).code(), ErrorCode::InvalidArgument);
}

TEST(CpuReference, ConvertSixteenBit) {
  // f16 0x3C00 = 1, 0xC000 = -2, 0x3555 ~ 0.33325195; bf16 0x3F80 = 1, 0xC040 = -3.
  const uint16_t f16[] = {0x3C00, 0xC000, 0x3555};
  const uint16_t bf16[] = {0x3F80, 0xC040};
  std::vector<float> out(3);
  ASSERT_TRUE(cpu::to_f32(DType::F16, std::as_bytes(std::span(f16)), out).is_ok());
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_EQ(out[1], -2.0f);
  EXPECT_EQ(out[2], 0.33325195f);
  std::vector<float> out2(2);
  ASSERT_TRUE(cpu::to_f32(DType::BF16, std::as_bytes(std::span(bf16)), out2).is_ok());
  EXPECT_EQ(out2, (std::vector<float>{1.0f, -3.0f}));
  std::vector<float> too_many(4);
  EXPECT_EQ(cpu::to_f32(DType::F16, std::as_bytes(std::span(f16)), too_many).code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(cpu::to_f32(DType::Q8_0, std::as_bytes(std::span(f16)), out).code(), ErrorCode::Unsupported);
}
