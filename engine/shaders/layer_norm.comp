// layer_norm.comp: y[r, :] = (x[r, :] - mean) / sqrt(var + eps) * w + b (biased variance), one workgroup per row;
// the vision encoder's LayerNorm (qwen35.md §7.1). Two passes in f32 (mean, then centred squares), so rows with a
// large mean lose no precision to cancellation.
#version 450

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer XBuf { float x[]; };  // [n_rows, n_cols]
layout(binding = 1) readonly buffer WBuf { float w[]; };  // [n_cols]
layout(binding = 2) readonly buffer BBuf { float b[]; };  // [n_cols]
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
  for (uint i = tid; i < p.n_cols; i += WG_SIZE) sum += x[base + i];
  red_val[0] = sum;
  reduce_sums();
  const float mean = red_val[0] / float(p.n_cols);
  barrier();  // every invocation has read red_buf before the second reduction writes it
  float sq = 0.0;
  for (uint i = tid; i < p.n_cols; i += WG_SIZE) {
    const float d = x[base + i] - mean;
    sq = fma(d, d, sq);
  }
  red_val[0] = sq;
  reduce_sums();
  const float scale = inversesqrt(red_val[0] / float(p.n_cols) + p.eps);
  for (uint i = tid; i < p.n_cols; i += WG_SIZE) {
    y[base + i] = fma((x[base + i] - mean) * scale, w[i], b[i]);
  }
}
