#version 450
// attn_combine.comp: merges the per-split partial results of attn_flash.comp (flash-decoding) and applies the
// output gate (qwen35.md §2.5.5), one workgroup per (token, query head) row:
//   M = max_s m_s,  L = sum_s l_s exp(m_s - M),  out = sum_s o_s exp(m_s - M) / L * sigmoid(gate).
// Splits that saw no key (l = 0) are skipped. All in f32.
// NO_GATE: the same merge for the key blocks of attn_segments.comp (vision), without a gate, written at o_off.

layout(constant_id = 0) const uint WG_SIZE = 64;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer PartBuf { float part[]; };  // o [n_splits, n_rows, head_dim], then (m, l)
#ifdef NO_GATE
layout(binding = 1) writeonly buffer OBuf { float out_data[]; };  // [n_rows, head_dim] from o_off
#else
layout(binding = 1) readonly buffer QBuf { float qg[]; };       // [n_rows, 2, head_dim]: (query | gate)
layout(binding = 2) writeonly buffer OBuf { float out_data[]; };  // [n_rows, head_dim]
#endif

layout(push_constant) uniform Push {
  uint n_rows;  // n_tokens * n_head
  uint head_dim;
  uint n_splits;
#ifdef NO_GATE
  uint o_off;
#endif
} p;

#include "workgroup.glsl"

void main() {
  const uint row = linear_group();
  if (row >= p.n_rows) return;
  const uint ml = p.n_splits * p.n_rows * p.head_dim;
  float m = -3.402823466e38;
  for (uint s = 0; s < p.n_splits; ++s) {
    const uint i = ml + (s * p.n_rows + row) * 2u;
    if (part[i + 1u] > 0.0) m = max(m, part[i]);
  }
  float l = 0.0;
  for (uint s = 0; s < p.n_splits; ++s) {
    const uint i = ml + (s * p.n_rows + row) * 2u;
    if (part[i + 1u] > 0.0) l += part[i + 1u] * exp(part[i] - m);
  }
  const float inv = l > 0.0 ? 1.0 / l : 0.0;
  for (uint d = gl_LocalInvocationIndex; d < p.head_dim; d += WG_SIZE) {
    float acc = 0.0;
    for (uint s = 0; s < p.n_splits; ++s) {
      const uint i = ml + (s * p.n_rows + row) * 2u;
      if (part[i + 1u] > 0.0) acc = fma(part[(s * p.n_rows + row) * p.head_dim + d], exp(part[i] - m), acc);
    }
#ifdef NO_GATE
    out_data[p.o_off + row * p.head_dim + d] = acc * inv;
#else
    const float gate = qg[row * 2u * p.head_dim + p.head_dim + d];
    out_data[row * p.head_dim + d] = acc * inv / (1.0 + exp(-gate));
#endif
  }
}
