// quant_q8_0.cpp: Q8_0 (32 elements: f16 scale + 32 signed bytes) dequantisation and quantisation.
#include <cmath>

#include "core/quant.h"
#include "core/quant_util.h"

namespace lectern {

void dequantize_row_q8_0(const BlockQ8_0* src, float* dst, int64_t n) {
  const int64_t n_blocks = n / k_qk8_0;
  for (int64_t b = 0; b < n_blocks; ++b) {
    const float d = f16_to_f32(src[b].d);
    float* y = dst + b * k_qk8_0;
    for (int i = 0; i < k_qk8_0; ++i) y[i] = static_cast<float>(src[b].qs[i]) * d;  // ggml: qs*d in f32
  }
}

// Scale by the absolute maximum; quants are rounded against the stored (f16) scale, not the exact one, so the
// rounding error is measured in the units the dequantiser will use.
void quantize_row_q8_0(const float* src, BlockQ8_0* dst, int64_t n) {
  const int64_t n_blocks = n / k_qk8_0;
  for (int64_t b = 0; b < n_blocks; ++b) {
    const float* x = src + b * k_qk8_0;
    float amax = 0.0f;
    for (int i = 0; i < k_qk8_0; ++i) amax = std::fmax(amax, std::fabs(x[i]));
    dst[b].d = f32_to_f16(quant::finite_f16_scale(amax / 127.0f));
    const float d = f16_to_f32(dst[b].d);
    const float id = d > 0.0f ? 1.0f / d : 0.0f;
    for (int i = 0; i < k_qk8_0; ++i) dst[b].qs[i] = static_cast<int8_t>(quant::round_clamp(x[i] * id, -127, 127));
  }
}

}  // namespace lectern
