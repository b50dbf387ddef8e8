#version 450
// gdn_l2_norm.comp: per-head L2 normalisation of q and k inside the conv-output rows, in place (qwen35.md §2.4.3):
// x / sqrt(sum x^2 + eps), q then scaled by 1 / sqrt(dk). One workgroup per (token, head) vector of dk elements;
// heads [0, Hk) of a row are q, [Hk, 2 Hk) are k; v (after them) is untouched. Sums in f32.

layout(constant_id = 0) const uint WG_SIZE = 64;
layout(local_size_x_id = 0) in;

layout(binding = 0) buffer XBuf { float x[]; };  // [T, row_stride]

layout(push_constant) uniform Push {
  uint row_stride;  // C = 2 Hk dk + Hv dv
  uint n_vectors;   // T * 2 Hk
  uint n_k_heads;   // Hk
  uint head_dim;    // dk
  float q_scale;    // 1 / sqrt(dk)
  float eps;        // 1e-6, inside the square root
} p;

#define RED_N 1
#include "reduce.glsl"
#include "workgroup.glsl"

void main() {
  const uint vec = linear_group();
  if (vec >= p.n_vectors) return;  // uniform across the workgroup
  const uint tid = gl_LocalInvocationIndex;
  const uint head = vec % (2 * p.n_k_heads);
  const uint base = (vec / (2 * p.n_k_heads)) * p.row_stride + head * p.head_dim;
  float sum = 0.0;
  for (uint i = tid; i < p.head_dim; i += WG_SIZE) {
    const float v = x[base + i];
    sum = fma(v, v, sum);
  }
  red_val[0] = sum;
  reduce_sums();
  float scale = 1.0 / sqrt(red_val[0] + p.eps);
  if (head < p.n_k_heads) scale *= p.q_scale;
  for (uint i = tid; i < p.head_dim; i += WG_SIZE) x[base + i] *= scale;
}
