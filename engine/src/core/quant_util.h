// quant_util.h: small helpers shared by the quantisers in quant_*.cpp (rounding, f16-safe scales, packing checks).
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace lectern::quant {

inline constexpr float k_f16_max = 65504.0f;

// Round to nearest (ties to even) and clamp to [lo, hi] (|lo|, |hi| < 2^22); NaN maps to lo. Adding 1.5 * 2^23
// leaves round(v) in the low mantissa bits, which is much faster than a libm call on baseline x86-64.
inline int round_clamp(float v, int lo, int hi) {
  if (!(v > static_cast<float>(lo))) return lo;
  if (v >= static_cast<float>(hi)) return hi;
  const float t = v + 12582912.0f;
  return static_cast<int>(std::bit_cast<uint32_t>(t) & 0x007fffffu) - 0x00400000;
}

// A super-block scale that still fits a finite f16 (inputs beyond ~65504 * 127 saturate instead of becoming inf).
inline float finite_f16_scale(float s) {
  if (!(std::fabs(s) <= k_f16_max)) return s < 0 ? -k_f16_max : (s > 0 ? k_f16_max : 0.0f);
  return s;
}

}  // namespace lectern::quant
