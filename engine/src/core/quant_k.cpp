// quant_k.cpp: Q4_K and Q5_K (256-element super-blocks of 8 x 32, 6-bit scales and mins) dequantisation and
// quantisation.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/quant.h"
#include "core/quant_util.h"

namespace lectern {

void pack_k_scale_min(const uint8_t sc[8], const uint8_t m[8], uint8_t* scales) {
  std::memset(scales, 0, k_k_scale_bytes);
  for (int j = 0; j < 8; ++j) {
    if (j < 4) {
      scales[j] |= sc[j] & 63;
      scales[j + 4] |= m[j] & 63;
    } else {
      scales[j + 4] = static_cast<uint8_t>((sc[j] & 0x0f) | ((m[j] & 0x0f) << 4));
      scales[j - 4] |= static_cast<uint8_t>(((sc[j] >> 4) & 3) << 6);
      scales[j] |= static_cast<uint8_t>(((m[j] >> 4) & 3) << 6);
    }
  }
}

// ---- dequantisation: mirrors ggml's dequantize_row_q4_K / q5_K operation for operation (d*sc, dmin*m, then
// d1*q - m1, all f32) so results are bit-identical.

void dequantize_row_q4_k(const BlockQ4_K* src, float* dst, int64_t n) {
  const int64_t n_blocks = n / k_qk_k;
  for (int64_t b = 0; b < n_blocks; ++b) {
    const BlockQ4_K& blk = src[b];
    const float d = f16_to_f32(blk.d);
    const float dmin = f16_to_f32(blk.dmin);
    float* y = dst + b * k_qk_k;
    for (int c = 0; c < 4; ++c) {  // chunk c: sub-blocks 2c (low nibbles) and 2c+1 (high nibbles)
      uint8_t sc, m;
      unpack_k_scale_min(2 * c, blk.scales, &sc, &m);
      const float d1 = d * sc, m1 = dmin * m;
      unpack_k_scale_min(2 * c + 1, blk.scales, &sc, &m);
      const float d2 = d * sc, m2 = dmin * m;
      const uint8_t* q = blk.qs + 32 * c;
      for (int l = 0; l < 32; ++l) y[64 * c + l] = d1 * static_cast<float>(q[l] & 0x0f) - m1;
      for (int l = 0; l < 32; ++l) y[64 * c + 32 + l] = d2 * static_cast<float>(q[l] >> 4) - m2;
    }
  }
}

void dequantize_row_q5_k(const BlockQ5_K* src, float* dst, int64_t n) {
  const int64_t n_blocks = n / k_qk_k;
  for (int64_t b = 0; b < n_blocks; ++b) {
    const BlockQ5_K& blk = src[b];
    const float d = f16_to_f32(blk.d);
    const float dmin = f16_to_f32(blk.dmin);
    float* y = dst + b * k_qk_k;
    for (int c = 0; c < 4; ++c) {
      uint8_t sc, m;
      unpack_k_scale_min(2 * c, blk.scales, &sc, &m);
      const float d1 = d * sc, m1 = dmin * m;
      unpack_k_scale_min(2 * c + 1, blk.scales, &sc, &m);
      const float d2 = d * sc, m2 = dmin * m;
      const uint8_t* ql = blk.qs + 32 * c;
      const uint8_t lo_bit = static_cast<uint8_t>(1u << (2 * c)), hi_bit = static_cast<uint8_t>(2u << (2 * c));
      for (int l = 0; l < 32; ++l) {
        const int q = (ql[l] & 0x0f) + ((blk.qh[l] & lo_bit) ? 16 : 0);
        y[64 * c + l] = d1 * static_cast<float>(q) - m1;
      }
      for (int l = 0; l < 32; ++l) {
        const int q = (ql[l] >> 4) + ((blk.qh[l] & hi_bit) ? 16 : 0);
        y[64 * c + 32 + l] = d2 * static_cast<float>(q) - m2;
      }
    }
  }
}

// ---- quantisation

namespace {

constexpr int k_sub = 32;                 // elements per sub-block
constexpr int k_n_sub = k_qk_k / k_sub;   // 8 sub-blocks

struct AffineFit {
  float scale = 0.0f;  // x ~ scale * q - min
  float min = 0.0f;    // >= 0: the format stores an unsigned min that is subtracted
  float err = 0.0f;    // sum of squared errors
};

float affine_error(const float* x, const uint8_t* q, float scale, float min) {
  float err = 0.0f;
  for (int i = 0; i < k_sub; ++i) {
    const float e = scale * static_cast<float>(q[i]) - min - x[i];
    err += e * e;
  }
  return err;
}

// Least-squares (scale, min) for fixed quants q, with min clamped to >= 0 (then scale alone is refitted); also
// returns the resulting squared error, from the sums (double precision keeps the cancellation harmless).
bool affine_lsq(const float* x, const uint8_t* q, float* scale, float* min, float* err) {
  double sl = 0, sll = 0, sx = 0, sxl = 0, sxx = 0;
  for (int i = 0; i < k_sub; ++i) {
    const double l = q[i];
    sl += l;
    sll += l * l;
    sx += x[i];
    sxl += x[i] * l;
    sxx += static_cast<double>(x[i]) * x[i];
  }
  const double det = k_sub * sll - sl * sl;
  if (!(det > 0)) return false;  // all quants equal: the fit is degenerate
  double a = (k_sub * sxl - sx * sl) / det;
  double b = (sll * sx - sl * sxl) / det;  // offset: x ~ a*q + b, b = -min
  if (b > 0) {
    b = 0;
    a = sxl / sll;
  }
  // sum (a*l + b - x)^2 expanded
  const double e = a * a * sll + k_sub * b * b + sxx + 2 * a * b * sl - 2 * a * sxl - 2 * b * sx;
  *scale = static_cast<float>(a);
  *min = static_cast<float>(-b);
  *err = static_cast<float>(std::max(e, 0.0));
  return true;
}

void affine_quants(const float* x, int nmax, float scale, float min, uint8_t* q) {
  const float inv = scale > 0.0f ? 1.0f / scale : 0.0f;
  for (int i = 0; i < k_sub; ++i) q[i] = static_cast<uint8_t>(quant::round_clamp((x[i] + min) * inv, 0, nmax));
}

// Fits one sub-block as scale * q - min, q in [0, nmax]: tries a grid of quantisation steps around
// (max - min) / nmax, refits scale and min by least squares for each rounding, and polishes the best with two
// rounds of requantise-and-refit. Minimises plain squared error (what a matrix product with unknown activations
// sees).
AffineFit fit_affine(const float* x, int nmax) {
  float lo = 0.0f, hi = x[0];
  for (int i = 0; i < k_sub; ++i) {
    lo = std::min(lo, x[i]);
    hi = std::max(hi, x[i]);
  }
  AffineFit best;
  best.min = -lo;
  uint8_t q[k_sub];
  if (!(hi > lo)) {  // constant (<= 0) sub-block: represented exactly by the min alone
    std::memset(q, 0, sizeof(q));
    best.err = affine_error(x, q, 0.0f, best.min);
    return best;
  }
  best.scale = (hi - lo) / static_cast<float>(nmax);
  affine_quants(x, nmax, best.scale, best.min, q);
  best.err = affine_error(x, q, best.scale, best.min);

  auto consider = [&](float scale, float min) {
    if (!(scale > 0.0f)) return;
    affine_quants(x, nmax, scale, min, q);
    float s, m, err;
    if (!affine_lsq(x, q, &s, &m, &err) || !(s > 0.0f)) return;
    if (err < best.err) best = {s, m, err};
  };
  for (int step = -10; step <= 10; ++step) {  // quantisation step (hi - lo) / (nmax + 0.1 * step)
    consider((hi - lo) / (static_cast<float>(nmax) + 0.1f * static_cast<float>(step)), -lo);
  }
  for (int iter = 0; iter < 2; ++iter) consider(best.scale, best.min);
  return best;
}

// Squared error of sub-block x under the stored codes (d*ls, dmin*lm), with quants requantised for them; writes
// the quants. Arithmetic matches the dequantiser so the error is the one the model will see.
float coded_error(const float* x, int nmax, float d, float dmin, int ls, int lm, uint8_t* q) {
  const float scale = d * static_cast<float>(ls), min = dmin * static_cast<float>(lm);
  if (scale != 0.0f) {
    affine_quants(x, nmax, scale, min, q);
  } else {
    std::memset(q, 0, k_sub);
  }
  return affine_error(x, q, scale, min);
}

// Fills d, dmin, the packed 6-bit scales/mins and the quants (one byte per element, [0, nmax]) of one super-block.
void quantize_k_super_block(const float* x, int nmax, uint16_t* d_out, uint16_t* dmin_out, uint8_t* scales,
                            uint8_t* q /* [256] */) {
  AffineFit fits[k_n_sub];
  float max_scale = 0.0f, max_min = 0.0f;
  for (int j = 0; j < k_n_sub; ++j) {
    fits[j] = fit_affine(x + k_sub * j, nmax);
    max_scale = std::max(max_scale, fits[j].scale);
    max_min = std::max(max_min, fits[j].min);
  }
  *d_out = f32_to_f16(quant::finite_f16_scale(max_scale / 63.0f));
  *dmin_out = f32_to_f16(quant::finite_f16_scale(max_min / 63.0f));
  const float d = f16_to_f32(*d_out), dmin = f16_to_f32(*dmin_out);

  uint8_t ls[k_n_sub], lm[k_n_sub];
  uint8_t trial[k_sub];
  for (int j = 0; j < k_n_sub; ++j) {
    const float* xs = x + k_sub * j;
    const int ls0 = d > 0.0f ? quant::round_clamp(fits[j].scale / d, 0, 63) : 0;
    const int lm0 = dmin > 0.0f ? quant::round_clamp(fits[j].min / dmin, 0, 63) : 0;
    // The 6-bit codes are rounded independently; a +-1 search over both recovers most of what that loses.
    float best = -1.0f;
    for (int a = std::max(ls0 - 1, 0); a <= std::min(ls0 + 1, 63); ++a) {
      for (int m = std::max(lm0 - 1, 0); m <= std::min(lm0 + 1, 63); ++m) {
        const float err = coded_error(xs, nmax, d, dmin, a, m, trial);
        if (best < 0.0f || err < best) {
          best = err;
          ls[j] = static_cast<uint8_t>(a);
          lm[j] = static_cast<uint8_t>(m);
          std::memcpy(q + k_sub * j, trial, k_sub);
        }
      }
    }
  }
  pack_k_scale_min(ls, lm, scales);
}

}  // namespace

void quantize_row_q4_k(const float* src, BlockQ4_K* dst, int64_t n) {
  const int64_t n_blocks = n / k_qk_k;
  uint8_t q[k_qk_k];
  for (int64_t b = 0; b < n_blocks; ++b) {
    BlockQ4_K& blk = dst[b];
    quantize_k_super_block(src + b * k_qk_k, 15, &blk.d, &blk.dmin, blk.scales, q);
    for (int c = 0; c < 4; ++c)
      for (int l = 0; l < 32; ++l)
        blk.qs[32 * c + l] = static_cast<uint8_t>(q[64 * c + l] | (q[64 * c + 32 + l] << 4));
  }
}

void quantize_row_q5_k(const float* src, BlockQ5_K* dst, int64_t n) {
  const int64_t n_blocks = n / k_qk_k;
  uint8_t q[k_qk_k];
  for (int64_t b = 0; b < n_blocks; ++b) {
    BlockQ5_K& blk = dst[b];
    quantize_k_super_block(src + b * k_qk_k, 31, &blk.d, &blk.dmin, blk.scales, q);
    std::memset(blk.qh, 0, sizeof(blk.qh));
    for (int c = 0; c < 4; ++c) {
      for (int l = 0; l < 32; ++l) {
        const uint8_t q_lo = q[64 * c + l], q_hi = q[64 * c + 32 + l];
        blk.qs[32 * c + l] = static_cast<uint8_t>((q_lo & 0x0f) | ((q_hi & 0x0f) << 4));
        blk.qh[l] |= static_cast<uint8_t>(((q_lo >> 4) << (2 * c)) | ((q_hi >> 4) << (2 * c + 1)));
      }
    }
  }
}

}  // namespace lectern
