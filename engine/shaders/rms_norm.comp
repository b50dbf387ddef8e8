// rms_norm.comp: y[r, :] = x[r, :] / sqrt(mean(x[r, :]^2) + eps) * (w + w_offset), one workgroup per row.
// w_offset = 0 is the plain weight; w_offset = 1 the zero-centred form x / rms * (1 + w). Sums in f32.
#version 450

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer XBuf { float x[]; };  // [n_rows, n_cols]
layout(binding = 1) readonly buffer WBuf { float w[]; };  // [n_cols]
layout(binding = 2) writeonly buffer YBuf { float y[]; }; // [n_rows, n_cols]; may alias x

layout(push_constant) uniform Push {
  uint n_cols;
  uint n_rows;
  float eps;
  float w_offset;
} p;

#define RED_N 1
#include "reduce.glsl"
#include "workgroup.glsl"

void main() {
  const uint row = linear_group();
  if (row >= p.n_rows) return;  // uniform across the workgroup, so no barrier is skipped by part of it
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
    y[base + i] = x[base + i] * scale * (w[i] + p.w_offset);
  }
}
