// test_dtype.cpp: f16/bf16 conversions against hand-computed values and exhaustive round trips.
#include <gtest/gtest.h>

#include <cmath>

#include "core/dtype.h"

using namespace lectern;

TEST(DType, F16KnownValues) {
  EXPECT_EQ(f32_to_f16(1.0f), 0x3c00);
  EXPECT_EQ(f32_to_f16(-2.0f), 0xc000);
  EXPECT_EQ(f32_to_f16(65504.0f), 0x7bff);
  EXPECT_EQ(f32_to_f16(65520.0f), 0x7c00);           // rounds up to inf
  EXPECT_EQ(f32_to_f16(5.9604645e-8f), 0x0001);      // smallest subnormal
  EXPECT_EQ(f32_to_f16(1.0f + 1.0f / 2048), 0x3c00); // tie -> even
  EXPECT_EQ(f32_to_f16(1.0f + 3.0f / 2048), 0x3c02); // tie -> even (up)
  EXPECT_FLOAT_EQ(f16_to_f32(0x3555), 0.33325195f);
  EXPECT_TRUE(std::isnan(f16_to_f32(0x7e00)));
}

TEST(DType, F16RoundTripAllValues) {
  for (uint32_t h = 0; h < 0x10000; ++h) {
    float f = f16_to_f32(static_cast<uint16_t>(h));
    if (std::isnan(f)) continue;
    ASSERT_EQ(f32_to_f16(f), h) << "h=" << h;
  }
}

TEST(DType, Bf16) {
  EXPECT_EQ(f32_to_bf16(1.0f), 0x3f80);
  EXPECT_EQ(bf16_to_f32(0x4049), 3.140625f);
  EXPECT_EQ(f32_to_bf16(std::bit_cast<float>(0x3f808000u)), 0x3f80);  // tie -> even (down)
  EXPECT_EQ(f32_to_bf16(std::bit_cast<float>(0x3f818000u)), 0x3f82);  // tie -> even (up)
}

TEST(DType, Table) {
  EXPECT_EQ(dtype_info(DType::Q4_K).block_bytes, 144u);
  EXPECT_EQ(dtype_row_bytes(DType::Q8_0, 64), 68u);
  EXPECT_EQ(dtype_from_name("Q6_K"), DType::Q6_K);
  EXPECT_FALSE(dtype_info_from_ggml(2).has_value());  // Q4_0: not supported
}
