#version 450
// attn_segments.comp: one block of keys of bidirectional softmax attention inside one segment of rows (one temporal
// slice of an image or video, qwen35.md §7.3.4). One invocation per (query row, head); a workgroup takes WG_SIZE
// consecutive query rows of one head, so every invocation reads the same key and value at the same time (uniform
// addresses, no shared memory). Online softmax in f32 over the block's keys: m = running max, l = running sum of
// exp(s - m), o = running sum of exp(s - m) v; alpha = exp(m_old - m_new) rescales what came before.
// The host splits a segment's keys into blocks of at most ops' block_keys (attention_block_keys in vision.cpp) so
// that no invocation runs more loop iterations than lavapipe allows (65,535, then it stops silently):
//   per key 1 (key loop) + HD/2 (dot) + HD/2 (accumulate), plus 3 * HD/2 outside the key loop.
// n_splits == 0: the block is the whole segment; out receives o / l at o_off as [n_q, n_head, HD].
// n_splits > 0: out is the partial buffer of attn_combine.comp for n_rows = n_q * n_head rows: o (unnormalised) at
//   [split, row, HD], then (m, l) at n_splits * n_rows * HD + (split * n_rows + row) * 2.
// q, k, v rows are row_stride floats apart (views into one qkv projection output); q_off / k_off / v_off say where
// the first query row / the block's first key row begins in each binding.

layout(constant_id = 0) const uint WG_SIZE = 64;
layout(constant_id = 1) const uint HD = 64;  // head_dim, even
layout(local_size_x_id = 0) in;

const uint HD2 = HD / 2;
const float NEG = -3.402823466e38;

layout(binding = 0) readonly buffer QBuf { float q[]; };
layout(binding = 1) readonly buffer KBuf { float k[]; };
layout(binding = 2) readonly buffer VBuf { float v[]; };
layout(binding = 3) writeonly buffer OBuf { float o_data[]; };

layout(push_constant) uniform Push {
  uint n_q;      // query rows of this dispatch
  uint n_keys;   // keys of this block
  uint n_head;
  uint row_stride;  // floats between consecutive rows of q, k and v
  uint q_off;
  uint k_off;
  uint v_off;
  uint o_off;
  uint split;     // index of this block (n_splits > 0)
  uint n_splits;  // 0: write the final output
  float scale;
} p;

#include "workgroup.glsl"

void main() {
  const uint n_groups = (p.n_q + WG_SIZE - 1u) / WG_SIZE;
  const uint lin = linear_group();
  if (lin >= n_groups * p.n_head) return;  // uniform across the workgroup
  const uint h = lin % p.n_head;
  const uint r = (lin / p.n_head) * WG_SIZE + gl_LocalInvocationIndex;
  const bool in_range = r < p.n_q;  // inactive lanes still walk the keys so the loads stay uniform

  vec2 qr[HD2];
  vec2 o[HD2];
  const uint qbase = p.q_off + min(r, p.n_q - 1u) * p.row_stride + h * HD;
  for (uint d = 0; d < HD2; ++d) {
    qr[d] = vec2(q[qbase + 2u * d], q[qbase + 2u * d + 1u]) * p.scale;
    o[d] = vec2(0.0);
  }
  float m = NEG, l = 0.0;
  for (uint key = 0; key < p.n_keys; ++key) {
    const uint kbase = p.k_off + key * p.row_stride + h * HD;
    float s = 0.0;
    for (uint d = 0; d < HD2; ++d) s += dot(qr[d], vec2(k[kbase + 2u * d], k[kbase + 2u * d + 1u]));
    const float m_new = max(m, s);
    const float alpha = exp(m - m_new);  // 0 on the first key (m = NEG), else <= 1
    const float pr = exp(s - m_new);
    l = fma(l, alpha, pr);
    m = m_new;
    const uint vbase = p.v_off + key * p.row_stride + h * HD;
    for (uint d = 0; d < HD2; ++d) o[d] = fma(o[d], vec2(alpha), pr * vec2(v[vbase + 2u * d], v[vbase + 2u * d + 1u]));
  }
  if (!in_range) return;

  const uint row = r * p.n_head + h;
  if (p.n_splits == 0u) {
    const uint obase = p.o_off + row * HD;
    const float inv = 1.0 / l;  // l >= 1: the row maximum contributes exp(0)
    for (uint d = 0; d < HD2; ++d) {
      o_data[obase + 2u * d] = o[d].x * inv;
      o_data[obase + 2u * d + 1u] = o[d].y * inv;
    }
  } else {
    const uint n_rows = p.n_q * p.n_head;
    const uint obase = (p.split * n_rows + row) * HD;
    for (uint d = 0; d < HD2; ++d) {
      o_data[obase + 2u * d] = o[d].x;
      o_data[obase + 2u * d + 1u] = o[d].y;
    }
    const uint ml = p.n_splits * n_rows * HD + (p.split * n_rows + row) * 2u;
    o_data[ml] = m;
    o_data[ml + 1u] = l;
  }
}
