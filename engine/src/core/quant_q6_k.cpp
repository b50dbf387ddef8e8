// quant_q6_k.cpp: Q6_K (256-element super-blocks of 16 x 16, signed 8-bit scales, 6-bit quants) dequantisation
// and quantisation.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/quant.h"
#include "core/quant_util.h"

namespace lectern {

// Mirrors ggml's dequantize_row_q6_K: y = (d * sc) * (q - 32) in f32, same association, so bit-identical.
void dequantize_row_q6_k(const BlockQ6_K* src, float* dst, int64_t n) {
  const int64_t n_blocks = n / k_qk_k;
  for (int64_t b = 0; b < n_blocks; ++b) {
    const BlockQ6_K& blk = src[b];
    const float d = f16_to_f32(blk.d);
    float* y = dst + b * k_qk_k;
    for (int h = 0; h < 2; ++h) {  // halves of 128 elements
      const uint8_t* ql = blk.ql + 64 * h;
      const uint8_t* qh = blk.qh + 32 * h;
      const int8_t* sc = blk.scales + 8 * h;
      float* yh = y + 128 * h;
      for (int l = 0; l < 32; ++l) {
        const int is = l / 16;
        const int q1 = ((ql[l] & 0x0f) | (((qh[l] >> 0) & 3) << 4)) - 32;
        const int q2 = ((ql[l + 32] & 0x0f) | (((qh[l] >> 2) & 3) << 4)) - 32;
        const int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
        const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
        yh[l] = d * static_cast<float>(sc[is + 0]) * static_cast<float>(q1);
        yh[l + 32] = d * static_cast<float>(sc[is + 2]) * static_cast<float>(q2);
        yh[l + 64] = d * static_cast<float>(sc[is + 4]) * static_cast<float>(q3);
        yh[l + 96] = d * static_cast<float>(sc[is + 6]) * static_cast<float>(q4);
      }
    }
  }
}

namespace {

constexpr int k_sub = 16;
constexpr int k_n_sub = k_qk_k / k_sub;  // 16 sub-blocks
constexpr float k_tiny = 1e-15f;         // below this a sub-block / super-block counts as all zero

// Fits x ~ s * l with l in [-32, 31]. The step is searched around amax/32 with the sign chosen so the element of
// largest magnitude lands on -32 (the range's extra negative code buys half a step of resolution); each rounding
// gets its least-squares scale and the best is polished once. Returns s (0 for an all-zero sub-block).
float fit_symmetric(const float* x) {
  float amax = 0.0f, vmax = 0.0f;
  for (int i = 0; i < k_sub; ++i) {
    if (std::fabs(x[i]) > amax) {
      amax = std::fabs(x[i]);
      vmax = x[i];
    }
  }
  if (amax < k_tiny) return 0.0f;
  float best_s = -vmax / 32.0f, best_gain = -1.0f;  // gain = (sum x*l)^2 / sum l^2 = error reduction
  auto consider = [&](float inv_step) {
    double sxl = 0, sll = 0;
    for (int i = 0; i < k_sub; ++i) {
      const double l = quant::round_clamp(x[i] * inv_step, -32, 31);
      sxl += x[i] * l;
      sll += l * l;
    }
    if (sll <= 0) return;
    const double gain = sxl * sxl / sll;
    if (gain > best_gain) {
      best_gain = static_cast<float>(gain);
      best_s = static_cast<float>(sxl / sll);
    }
  };
  for (int step = -9; step <= 9; ++step) consider(-(32.0f + 0.1f * static_cast<float>(step)) / vmax);
  consider(1.0f / best_s);
  return best_s;
}

// Squared error of sub-block x with quant step (d * sc) as the dequantiser computes it; writes quants + 32.
float coded_error(const float* x, float d, int sc, uint8_t* q) {
  const float step = d * static_cast<float>(sc);
  const float inv = step != 0.0f ? 1.0f / step : 0.0f;
  float err = 0.0f;
  for (int i = 0; i < k_sub; ++i) {
    const int l = step != 0.0f ? quant::round_clamp(x[i] * inv, -32, 31) : 0;
    q[i] = static_cast<uint8_t>(l + 32);
    const float e = step * static_cast<float>(l) - x[i];
    err += e * e;
  }
  return err;
}

}  // namespace

void quantize_row_q6_k(const float* src, BlockQ6_K* dst, int64_t n) {
  const int64_t n_blocks = n / k_qk_k;
  for (int64_t b = 0; b < n_blocks; ++b) {
    const float* x = src + b * k_qk_k;
    BlockQ6_K& blk = dst[b];
    float s[k_n_sub];
    float s_big = 0.0f;
    for (int j = 0; j < k_n_sub; ++j) {
      s[j] = fit_symmetric(x + k_sub * j);
      if (std::fabs(s[j]) > std::fabs(s_big)) s_big = s[j];
    }
    std::memset(&blk, 0, sizeof(blk));  // all-zero block: d = 0, quants 0 (dequantises to exact zeros)
    if (std::fabs(s_big) < k_tiny) continue;
    // As for the quants, map the largest sub-block scale to -128 so the int8 range is used in full.
    blk.d = f32_to_f16(quant::finite_f16_scale(s_big / -128.0f));
    const float d = f16_to_f32(blk.d);
    if (d == 0.0f) continue;

    uint8_t q[k_qk_k], trial[k_sub];
    for (int j = 0; j < k_n_sub; ++j) {
      const float* xs = x + k_sub * j;
      const int sc0 = quant::round_clamp(s[j] / d, -128, 127);
      float best = -1.0f;
      for (int sc = std::max(sc0 - 1, -128); sc <= std::min(sc0 + 1, 127); ++sc) {  // undo int8 rounding loss
        const float err = coded_error(xs, d, sc, trial);
        if (best < 0.0f || err < best) {
          best = err;
          blk.scales[j] = static_cast<int8_t>(sc);
          std::memcpy(q + k_sub * j, trial, k_sub);
        }
      }
    }
    for (int h = 0; h < 2; ++h) {
      const uint8_t* qh_src = q + 128 * h;
      for (int l = 0; l < 32; ++l) {
        const uint8_t q1 = qh_src[l], q2 = qh_src[l + 32], q3 = qh_src[l + 64], q4 = qh_src[l + 96];
        blk.ql[64 * h + l] = static_cast<uint8_t>((q1 & 0x0f) | ((q3 & 0x0f) << 4));
        blk.ql[64 * h + l + 32] = static_cast<uint8_t>((q2 & 0x0f) | ((q4 & 0x0f) << 4));
        blk.qh[32 * h + l] = static_cast<uint8_t>((q1 >> 4) | ((q2 >> 4) << 2) | ((q3 >> 4) << 4) | ((q4 >> 4) << 6));
      }
    }
  }
}

}  // namespace lectern
