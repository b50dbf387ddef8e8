#version 450
// rope_norm.comp: per-head RMSNorm (optional) then partial interleaved multimodal RoPE (qwen35.md §2.5.2-3), one
// workgroup per (token, head). Heads sit at a stride inside each token row, so the same kernel handles the
// interleaved q projection ([query | gate] per head; the gate is left alone) and contiguous k.
//   y_h = x_h / sqrt(mean(x_h^2) + eps) * w      (use_norm; w holds the GGUF form with the +1 folded in)
//   pairs (i, i + n_rot/2), i < n_rot/2: rotate by pos[t, axis_i] * inv_freq_i (NeoX); dims >= n_rot pass through.
// Sums in f32. y may alias x: every element is read and written by the same invocation after the reduction.

layout(constant_id = 0) const uint WG_SIZE = 64;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer XBuf { float x[]; };      // [n_tokens, row_stride]
layout(binding = 1) readonly buffer WBuf { float w[]; };      // [head_dim] (unused without the norm)
layout(binding = 2) readonly buffer TBuf { uvec4 table[]; };  // [n_rot/2]: (F low, F high, axis, 0)
layout(binding = 3) readonly buffer PBuf { int pos[]; };      // [n_tokens, 3]: (T, H, W)
layout(binding = 4) writeonly buffer YBuf { float y[]; };     // like x

layout(push_constant) uniform Push {
  uint n_tokens;
  uint n_head;
  uint head_dim;
  uint head_stride;  // floats between heads of one token
  uint row_stride;   // floats between tokens
  uint n_pairs;      // n_rot / 2
  uint use_norm;
  float eps;
} p;

#define RED_N 1
#include "reduce.glsl"
#include "rope.glsl"
#include "workgroup.glsl"

void main() {
  const uint group = linear_group();
  if (group >= p.n_tokens * p.n_head) return;  // uniform across the workgroup
  const uint token = group / p.n_head;
  const uint base = token * p.row_stride + (group % p.n_head) * p.head_stride;
  const uint tid = gl_LocalInvocationIndex;

  float scale = 1.0;
  if (p.use_norm != 0u) {
    float sum = 0.0;
    for (uint i = tid; i < p.head_dim; i += WG_SIZE) {
      const float v = x[base + i];
      sum = fma(v, v, sum);
    }
    red_val[0] = sum;
    reduce_sums();
    scale = inversesqrt(red_val[0] / float(p.head_dim) + p.eps);
  }

  for (uint i = tid; i < p.n_pairs; i += WG_SIZE) {
    const uint j = i + p.n_pairs;
    float a = x[base + i] * scale, b = x[base + j] * scale;
    if (p.use_norm != 0u) {
      a *= w[i];
      b *= w[j];
    }
    const uvec4 e = table[i];
    const vec2 cs = rope_cos_sin(pos[token * 3u + e.z], e.xy);
    y[base + i] = a * cs.x - b * cs.y;
    y[base + j] = b * cs.x + a * cs.y;
  }
  for (uint i = 2u * p.n_pairs + tid; i < p.head_dim; i += WG_SIZE) {
    const float v = x[base + i] * scale;
    y[base + i] = p.use_norm != 0u ? v * w[i] : v;
  }
}
