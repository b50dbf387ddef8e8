#version 450
// gdn_gated_norm.comp: the GDN output norm (qwen35.md §2.2 item 2), one workgroup per head row of n_cols:
// y = x / sqrt(mean(x^2) + eps) * w * silu(z), w a plain weight shared by all heads. Sums in f32.

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer XBuf { float x[]; };  // [n_rows, n_cols] delta-rule output, one head per row
layout(binding = 1) readonly buffer ZBuf { float z[]; };  // [n_rows, n_cols] gate projection
layout(binding = 2) readonly buffer WBuf { float w[]; };  // [n_cols]
layout(binding = 3) writeonly buffer YBuf { float y[]; }; // [n_rows, n_cols]; may alias x

layout(push_constant) uniform Push {
  uint n_cols;
  uint n_rows;
  float eps;
} p;

#define RED_N 1
#include "reduce.glsl"
#include "workgroup.glsl"

void main() {
  const uint row = linear_group();
  if (row >= p.n_rows) return;  // uniform across the workgroup
  const uint tid = gl_LocalInvocationIndex;
  const uint base = row * p.n_cols;
  float sum = 0.0;
  for (uint i = tid; i < p.n_cols; i += WG_SIZE) {
    const float v = x[base + i];
    sum = fma(v, v, sum);
  }
  red_val[0] = sum;
  reduce_sums();
  const float scale = inversesqrt(red_val[0] / float(p.n_cols) + p.eps);
  for (uint i = tid; i < p.n_cols; i += WG_SIZE) {
    const float zi = z[base + i];
    // silu(z) = z / (1 + exp(-z)); for very negative z the quotient is -0, the correct limit.
    y[base + i] = x[base + i] * scale * w[i] * (zi / (1.0 + exp(-zi)));
  }
}
