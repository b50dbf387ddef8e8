// test_quant.cpp: quantised block formats: hand-built blocks against hand-computed values, quantise/dequantise
// round-trip error on random data, edge cases, and the checked entry points' errors.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

#include "core/quant.h"

using namespace lectern;

namespace {

double nmse(const std::vector<float>& x, const std::vector<float>& ref) {
  double num = 0, den = 0;
  for (size_t i = 0; i < ref.size(); ++i) {
    const double e = static_cast<double>(x[i]) - ref[i];
    num += e * e;
    den += static_cast<double>(ref[i]) * ref[i];
  }
  return num / den;
}

std::vector<float> gaussian(size_t n, float stddev, uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> dist(0.0f, stddev);
  std::vector<float> v(n);
  for (float& x : v) x = dist(rng);
  return v;
}

std::vector<float> round_trip(DType type, const std::vector<float>& x) {
  const int64_t n = static_cast<int64_t>(x.size());
  std::vector<uint8_t> bytes(dtype_row_bytes(type, x.size()));
  quantize_row(type, x.data(), bytes.data(), n);
  std::vector<float> y(x.size());
  dequantize_row(type, bytes.data(), y.data(), n);
  return y;
}

}  // namespace

// ---------------------------------------------------------------- hand-built blocks

TEST(QuantLayout, SizesMatchDtypeTable) {
  EXPECT_EQ(sizeof(BlockQ8_0), dtype_info(DType::Q8_0).block_bytes);
  EXPECT_EQ(sizeof(BlockQ4_K), dtype_info(DType::Q4_K).block_bytes);
  EXPECT_EQ(sizeof(BlockQ5_K), dtype_info(DType::Q5_K).block_bytes);
  EXPECT_EQ(sizeof(BlockQ6_K), dtype_info(DType::Q6_K).block_bytes);
  EXPECT_EQ(static_cast<int>(dtype_info(DType::Q8_0).block_elems), k_qk8_0);
  EXPECT_EQ(static_cast<int>(dtype_info(DType::Q4_K).block_elems), k_qk_k);
}

TEST(QuantHand, Q8_0) {
  // d = f16 0x3800 = 0.5; x[i] = qs[i] * 0.5, qs[i] = i - 16, except qs[0] = -128 (most negative int8).
  BlockQ8_0 b[2];
  std::memset(b, 0, sizeof(b));
  b[0].d = 0x3800;
  for (int i = 0; i < 32; ++i) b[0].qs[i] = static_cast<int8_t>(i - 16);
  b[0].qs[0] = -128;
  b[1].d = 0xbc00;  // -1.0: second block, x = -qs
  b[1].qs[5] = 127;
  float y[64];
  dequantize_row(DType::Q8_0, b, y, 64);
  EXPECT_EQ(y[0], -64.0f);   // -128 * 0.5
  EXPECT_EQ(y[1], -7.5f);    // (1 - 16) * 0.5
  EXPECT_EQ(y[16], 0.0f);    // 0 * 0.5
  EXPECT_EQ(y[31], 7.5f);    // 15 * 0.5
  for (int i = 1; i < 32; ++i) EXPECT_EQ(y[i], (i - 16) * 0.5f) << i;
  EXPECT_EQ(y[32 + 5], -127.0f);  // 127 * -1
  EXPECT_EQ(y[32 + 6], 0.0f);
}

// Sub-block scales and mins used by the Q4_K and Q5_K cases; j >= 4 exercise the high-bit packing.
//   sc = {1, 2, 3, 4, 17, 33, 50, 63}, m = {0, 5, 10, 63, 16, 31, 40, 2}
// Packed by hand (ggml's get_scale_min_k4 layout):
//   bytes 0-3: sc[0..3] | (sc[4..7] >> 4) << 6 : 1|1<<6=0x41, 2|2<<6=0x82, 3|3<<6=0xC3, 4|3<<6=0xC4
//   bytes 4-7: m[0..3]  | (m[4..7] >> 4) << 6  : 0|1<<6=0x40, 5|1<<6=0x45, 10|2<<6=0x8A, 63|0<<6=0x3F
//   bytes 8-11: (sc[4..7] & 15) | (m[4..7] & 15) << 4 : 1|0<<4=0x01, 1|15<<4=0xF1, 2|8<<4=0x82, 15|2<<4=0x2F
static const uint8_t k_hand_sc[8] = {1, 2, 3, 4, 17, 33, 50, 63};
static const uint8_t k_hand_m[8] = {0, 5, 10, 63, 16, 31, 40, 2};
static const uint8_t k_hand_scales[12] = {0x41, 0x82, 0xC3, 0xC4, 0x40, 0x45, 0x8A, 0x3F, 0x01, 0xF1, 0x82, 0x2F};

TEST(QuantHand, KScaleMinPacking) {
  for (int j = 0; j < 8; ++j) {
    uint8_t sc, m;
    unpack_k_scale_min(j, k_hand_scales, &sc, &m);
    EXPECT_EQ(sc, k_hand_sc[j]) << j;
    EXPECT_EQ(m, k_hand_m[j]) << j;
  }
  uint8_t packed[12];
  pack_k_scale_min(k_hand_sc, k_hand_m, packed);
  for (int i = 0; i < 12; ++i) EXPECT_EQ(packed[i], k_hand_scales[i]) << i;
}

TEST(QuantHand, Q4_K) {
  // d = 1.0 (0x3c00), dmin = 0.5 (0x3800): x = 1.0 * sc[j] * q - 0.5 * m[j].
  // qs[32c + l]: low nibble = element 64c + l (sub-block 2c), high nibble = element 64c + 32 + l (sub-block 2c+1).
  // Pattern: low nibble = l % 16, high nibble = 15 - l % 16.
  BlockQ4_K b;
  b.d = 0x3c00;
  b.dmin = 0x3800;
  std::memcpy(b.scales, k_hand_scales, 12);
  for (int c = 0; c < 4; ++c)
    for (int l = 0; l < 32; ++l) b.qs[32 * c + l] = static_cast<uint8_t>((l % 16) | ((15 - l % 16) << 4));
  float y[256];
  dequantize_row(DType::Q4_K, &b, y, 256);
  EXPECT_EQ(y[0], 0.0f);      // sub 0, q = 0:  1*0 - 0.5*0
  EXPECT_EQ(y[5], 5.0f);      // sub 0, q = 5:  1*5 - 0
  EXPECT_EQ(y[32], 27.5f);    // sub 1, q = 15: 2*15 - 0.5*5
  EXPECT_EQ(y[96], 28.5f);    // sub 3, q = 15 (c=1 high, l=0): 4*15 - 0.5*63
  EXPECT_EQ(y[200], 380.0f);  // sub 6, q = 8 (c=3 low, l=8): 50*8 - 0.5*40
  EXPECT_EQ(y[224], 944.0f);  // sub 7, q = 15 (c=3 high, l=0): 63*15 - 0.5*2
  EXPECT_EQ(y[255], -1.0f);   // sub 7, q = 0 (l=31: 15 - 15): 63*0 - 0.5*2
  for (int e = 0; e < 256; ++e) {
    const int c = e / 64, l = e % 32, j = e / 32;
    const bool high = (e % 64) >= 32;
    const int q = high ? 15 - l % 16 : l % 16;
    EXPECT_EQ(y[e], static_cast<float>(k_hand_sc[j] * q) - 0.5f * k_hand_m[j]) << "element " << e << " chunk " << c;
  }
}

TEST(QuantHand, Q5_K) {
  // d = 0.25 (0x3400), dmin = 1.0 (0x3c00): x = 0.25 * sc[j] * q - 1.0 * m[j], q = low nibble + 16 * high bit.
  // All quants zero except:
  //   qs[0]   = 0x3A: element 0 low nibble 10, element 32 high nibble 3
  //   qh[0]   = 0x21: bit 0 -> element 0 gets +16 (q = 26); bit 5 = bit 2c+1 for c = 2 -> element 160 gets +16
  //   qs[64]  = 0x70: element 128 low nibble 0, element 160 high nibble 7 (q = 7 + 16 = 23)
  //   qs[127] = 0xFF: element 223 (c=3 low, l=31) q = 15; element 255 (c=3 high) low bits 15
  //   qh[31]  = 0x80: bit 7 = bit 2c+1 for c = 3 -> element 255 q = 31
  BlockQ5_K b;
  std::memset(&b, 0, sizeof(b));
  b.d = 0x3400;
  b.dmin = 0x3c00;
  std::memcpy(b.scales, k_hand_scales, 12);
  b.qs[0] = 0x3A;
  b.qh[0] = 0x21;
  b.qs[64] = 0x70;
  b.qs[127] = 0xFF;
  b.qh[31] = 0x80;
  float expected[256];
  for (int e = 0; e < 256; ++e) expected[e] = -1.0f * k_hand_m[e / 32];  // q = 0: -m[j]
  expected[0] = 6.5f;       // sub 0: 0.25*1*26 - 0
  expected[32] = -3.5f;     // sub 1: 0.25*2*3 - 5
  expected[128] = -16.0f;   // sub 4: 0.25*17*0 - 16
  expected[160] = 158.75f;  // sub 5: 0.25*33*23 - 31
  expected[223] = 147.5f;   // sub 6: 0.25*50*15 - 40
  expected[255] = 486.25f;  // sub 7: 0.25*63*31 - 2
  float y[256];
  dequantize_row(DType::Q5_K, &b, y, 256);
  for (int e = 0; e < 256; ++e) EXPECT_EQ(y[e], expected[e]) << "element " << e;
  EXPECT_EQ(y[33], -5.0f);   // spot checks of the q = 0 default
  EXPECT_EQ(y[96], -63.0f);
}

TEST(QuantHand, Q6_K) {
  // d = 0.5 (0x3800): x = 0.5 * scales[j] * (q - 32), sub-block j = element / 16.
  // scales = {127, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, -128}
  // All ql/qh zero (q = 0, so x = 0.5 * sc * -32 = -16 * sc) except:
  //   ql[0]  = 0x5F: element 0 low 4 bits 15, element 64 low 4 bits 5
  //   qh[0]  = 0xE4 = 0 | 1<<2 | 2<<4 | 3<<6: upper bits of elements 0, 32, 64, 96 = 0, 1, 2, 3
  //            -> q(0) = 15, q(32) = 0 | 16 = 16, q(64) = 5 | 32 = 37, q(96) = 0 | 48 = 48
  //   ql[97] = 0xA7 (second half, ql[64 + 32 + l] with l = 1): element 161 low bits 7, element 225 low bits 10
  //   qh[33] = 0x8C = 3<<2 | 2<<6 (second half, l = 1): element 161 upper 3, element 225 upper 2
  //            -> q(161) = 7 | 48 = 55, q(225) = 10 | 32 = 42
  const int8_t sc[16] = {127, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, -128};
  BlockQ6_K b;
  std::memset(&b, 0, sizeof(b));
  b.d = 0x3800;
  std::memcpy(b.scales, sc, 16);
  b.ql[0] = 0x5F;
  b.qh[0] = 0xE4;
  b.ql[97] = 0xA7;
  b.qh[33] = 0x8C;
  float expected[256];
  for (int e = 0; e < 256; ++e) expected[e] = -16.0f * sc[e / 16];
  expected[0] = -1079.5f;  // sub 0:  0.5*127*(15-32)
  expected[32] = 48.0f;    // sub 2:  0.5*-6*(16-32)
  expected[64] = -10.0f;   // sub 4:  0.5*-4*(37-32)
  expected[96] = -16.0f;   // sub 6:  0.5*-2*(48-32)
  expected[161] = 23.0f;   // sub 10: 0.5*2*(55-32)
  expected[225] = 30.0f;   // sub 14: 0.5*6*(42-32)
  float y[256];
  dequantize_row(DType::Q6_K, &b, y, 256);
  for (int e = 0; e < 256; ++e) EXPECT_EQ(y[e], expected[e]) << "element " << e;
  EXPECT_EQ(y[255], 2048.0f);  // sub 15: 0.5*-128*(0-32)
  EXPECT_EQ(y[130], 0.0f);     // sub 8: scale 0
}

TEST(QuantHand, FloatTypes) {
  // f16 0x3c00 = 1, 0xc000 = -2; bf16 0x4049 = 3.140625; unaligned source (offset 1) must work.
  const uint8_t f16[5] = {0xAA, 0x00, 0x3c, 0x00, 0xc0};
  float y[2];
  dequantize_row(DType::F16, f16 + 1, y, 2);
  EXPECT_EQ(y[0], 1.0f);
  EXPECT_EQ(y[1], -2.0f);
  const uint8_t bf16[3] = {0xAA, 0x49, 0x40};
  dequantize_row(DType::BF16, bf16 + 1, y, 1);
  EXPECT_EQ(y[0], 3.140625f);
  const float f[2] = {1.5f, -0.25f};
  dequantize_row(DType::F32, f, y, 2);
  EXPECT_EQ(y[0], 1.5f);
  EXPECT_EQ(y[1], -0.25f);
  uint8_t out[4];
  quantize_row(DType::F16, f, out, 2);
  EXPECT_EQ(out[0] | out[1] << 8, 0x3e00);  // 1.5
  EXPECT_EQ(out[2] | out[3] << 8, 0xb400);  // -0.25
}

// ---------------------------------------------------------------- round trips

struct RoundTripCase {
  DType type;
  double max_nmse;  // see the comment below for the measured values behind these
};

// N(0, 1), 256 rows x 256 = 65536 values. Measured nmse with this quantiser (seed 1234, libstdc++):
//   Q8_0 2.87e-5, Q6_K 2.97e-4, Q5_K 1.20e-3, Q4_K 4.94e-3.
// Each limit is ~1.5x the measurement (room for another standard library's normal_distribution); each format
// costs ~4x the error of the next wider one, as one bit fewer per element should.
TEST(QuantRoundTrip, Gaussian) {
  const std::vector<float> x = gaussian(65536, 1.0f, 1234);
  const RoundTripCase cases[] = {
      {DType::Q8_0, 4.5e-5}, {DType::Q6_K, 4.5e-4}, {DType::Q5_K, 1.8e-3}, {DType::Q4_K, 7.5e-3},
  };
  double prev = 0;
  for (const auto& c : cases) {
    const double e = nmse(round_trip(c.type, x), x);
    std::printf("round-trip nmse %-5s %.3e\n", dtype_name(c.type), e);
    EXPECT_LT(e, c.max_nmse) << dtype_name(c.type);
    EXPECT_GT(e, prev) << "fewer bits must not be more accurate: " << dtype_name(c.type);
    prev = e;
  }
  EXPECT_LT(nmse(round_trip(DType::F16, x), x), 1e-7);  // 11-bit mantissa: ~(2^-11)^2/3 ~ 8e-8 worst case
  EXPECT_LT(nmse(round_trip(DType::BF16, x), x), 1e-5);  // 8-bit mantissa: ~5e-6
  EXPECT_EQ(nmse(round_trip(DType::F32, x), x), 0.0);
}

// The error is relative: scaling the data must not change it (much) as long as the f16 super-block scales stay
// normal numbers. Also super-blocks of very different magnitude in one row, and data with a negative mean (the
// K-quant mins must absorb it).
TEST(QuantRoundTrip, ScaleInvariantAndOffset) {
  const std::vector<float> base = gaussian(16384, 1.0f, 99);
  for (DType type : {DType::Q8_0, DType::Q4_K, DType::Q5_K, DType::Q6_K}) {
    const double e1 = nmse(round_trip(type, base), base);
    for (float s : {0.02f, 300.0f}) {
      std::vector<float> x = base;
      for (float& v : x) v *= s;
      const double es = nmse(round_trip(type, x), x);
      EXPECT_LT(es, 1.2 * e1) << dtype_name(type) << " scale " << s;
      EXPECT_GT(es, 0.8 * e1) << dtype_name(type) << " scale " << s;
    }
    std::vector<float> mixed = base;  // super-block b scaled by 10^(b % 5 - 2)
    for (size_t i = 0; i < mixed.size(); ++i) mixed[i] *= std::pow(10.0f, static_cast<float>((i / 256) % 5) - 2.0f);
    EXPECT_LT(nmse(round_trip(type, mixed), mixed), 1.5 * e1) << dtype_name(type) << " mixed scales";
    std::vector<float> shifted = base;  // mean -3, std 1
    for (float& v : shifted) v -= 3.0f;
    std::vector<float> y = round_trip(type, shifted);
    double err = 0;
    for (size_t i = 0; i < y.size(); ++i) err += (y[i] - shifted[i]) * (y[i] - shifted[i]);
    // Error per element relative to the variance (1). Q4_K/Q5_K absorb a negative offset in their mins (x = d*sc*q
    // - dmin*m with m >= 0; a positive offset cannot be absorbed, as in ggml), so it must match the centred case;
    // the symmetric formats must span [-7, 7] instead of [-4, 4] and lose ~(7/4)^2 = 3x or more (measured 4.7x).
    const bool has_min = type == DType::Q4_K || type == DType::Q5_K;
    EXPECT_LT(err / static_cast<double>(y.size()), (has_min ? 1.2 : 6.0) * e1) << dtype_name(type) << " offset";
  }
}

TEST(QuantRoundTrip, SpecialBlocks) {
  for (DType type : {DType::Q8_0, DType::Q4_K, DType::Q5_K, DType::Q6_K}) {
    const size_t n = 512;
    std::vector<float> zeros(n, 0.0f);
    for (float v : round_trip(type, zeros)) ASSERT_EQ(v, 0.0f) << dtype_name(type);

    // Constant blocks: positive values are exact up to the f16 scale (1.5 is exact), negative ones via the min.
    for (float c : {1.5f, -2.0f}) {
      std::vector<float> x(n, c);
      for (float v : round_trip(type, x)) ASSERT_NEAR(v, c, 1e-3f) << dtype_name(type) << " constant " << c;
    }

    // One spike in a zero block: the spike survives, the zeros stay zero. With a min (Q4_K/Q5_K) the spike's
    // sub-block represents 0 as d*sc*q - dmin*m with 6-bit codes and f16 d/dmin, which need not cancel exactly:
    // allow 1e-3 of the spike (f16 precision 2^-11 ~ 5e-4 on each of the two terms).
    const float zero_tol = (type == DType::Q4_K || type == DType::Q5_K) ? 5e-3f : 0.0f;
    std::vector<float> spike(n, 0.0f);
    spike[77] = -5.0f;
    std::vector<float> y = round_trip(type, spike);
    EXPECT_NEAR(y[77], -5.0f, 0.01f) << dtype_name(type);
    for (size_t i = 0; i < n; ++i)
      if (i != 77) {
        ASSERT_NEAR(y[i], 0.0f, zero_tol) << dtype_name(type) << " element " << i;
      }

    // Huge values saturate the f16 scale instead of producing inf/nan.
    std::vector<float> huge = gaussian(n, 1e9f, 5);
    for (float v : round_trip(type, huge)) ASSERT_TRUE(std::isfinite(v)) << dtype_name(type);
  }
}

// ---------------------------------------------------------------- checked entry points

TEST(QuantChecked, RejectsBadArguments) {
  std::vector<float> f(256, 0.5f);
  std::vector<uint8_t> q(dtype_row_bytes(DType::Q4_K, 256));
  EXPECT_TRUE(quantize_row_checked(DType::Q4_K, f.data(), 256, q.data(), q.size()).is_ok());
  EXPECT_TRUE(dequantize_row_checked(DType::Q4_K, q.data(), q.size(), f.data(), 256).is_ok());
  EXPECT_NEAR(f[17], 0.5f, 1e-3f);  // constant 0.5 = d*sc*15 with f16 d: within f16 precision
  EXPECT_TRUE(dequantize_row_checked(DType::Q4_K, nullptr, 0, nullptr, 0).is_ok());  // empty row

  Status s = dequantize_row_checked(DType::Q4_K, q.data(), q.size(), f.data(), 100);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("not a multiple of the q4_k block size 256"), std::string::npos) << s.message();

  s = dequantize_row_checked(DType::Q4_K, q.data(), q.size() - 1, f.data(), 256);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("need 144 bytes, buffer has 143"), std::string::npos) << s.message();

  s = quantize_row_checked(DType::Q8_0, f.data(), -32, q.data(), 0);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("negative"), std::string::npos) << s.message();

  s = quantize_row_checked(DType::Q8_0, nullptr, 32, q.data(), 34);
  EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(s.message().find("null"), std::string::npos) << s.message();

  s = dequantize_row_checked(static_cast<DType>(2), q.data(), 18, f.data(), 32);  // ggml Q4_0: not supported
  EXPECT_EQ(s.code(), ErrorCode::Unsupported);
  EXPECT_FALSE(quant_row_supported(static_cast<DType>(2)));
}

TEST(QuantChecked, UncheckedIgnoresPartialBlocks) {
  // Documented behaviour on a precondition violation: whole blocks only, nothing written past them.
  BlockQ8_0 b;
  b.d = 0x3c00;
  for (int i = 0; i < 32; ++i) b.qs[i] = 1;
  std::vector<float> y(40, -7.0f);
  dequantize_row(DType::Q8_0, &b, y.data(), 40);  // 40 = one block + 8
  EXPECT_EQ(y[31], 1.0f);
  EXPECT_EQ(y[32], -7.0f);
  dequantize_row(DType::Q8_0, &b, y.data(), -5);  // negative: nothing
  dequantize_row(static_cast<DType>(2), &b, y.data(), 32);  // unsupported: nothing
  EXPECT_EQ(y[32], -7.0f);
}
