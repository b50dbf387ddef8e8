#version 450
// attn_segments.comp: bidirectional softmax attention inside one segment of rows (one temporal slice of an image or
// video, qwen35.md §7.3.4), flash style: the n x n score matrix is never stored. A workgroup takes BR query rows of
// one head and walks all keys of the segment in tiles of WG_SIZE keys:
//   scores:  invocation i takes key kb + i and computes its BR dot products q . k (queries in shared memory);
//   softmax: online, in f32: workgroup max per row, alpha = exp(m_old - m_new) rescales what came before,
//            p = exp(s - m_new); each invocation keeps partial row sums l of its own keys (reduced at the end);
//   values:  the BR x HD/2 output pairs are spread over the invocations (NE each) and accumulate p * v over the
//            tile's keys.
// Keys past the segment get the finite sentinel NEG and p = 0, so partial tiles never produce inf - inf.
// q, k, v rows are row_stride floats apart (q, k and v may be views into one qkv projection output); each binding
// starts at an aligned offset, and q_off / k_off / v_off / o_off say where the segment's first row begins in it.

layout(constant_id = 0) const uint WG_SIZE = 64;  // a power of two; also the keys per tile
layout(constant_id = 1) const uint HD = 64;       // head_dim, even
layout(constant_id = 2) const uint BR = 16;       // query rows per workgroup
layout(constant_id = 3) const uint NE = 8;        // output pairs per invocation: ceil(BR * HD / 2 / WG_SIZE)
layout(local_size_x_id = 0) in;

const uint HD2 = HD / 2;
const float NEG = -3.402823466e38;

layout(binding = 0) readonly buffer QBuf { float q[]; };
layout(binding = 1) readonly buffer KBuf { float k[]; };
layout(binding = 2) readonly buffer VBuf { float v[]; };
layout(binding = 3) writeonly buffer OBuf { float o_data[]; };  // [n_rows, n_head, HD]

layout(push_constant) uniform Push {
  uint n_rows;      // rows of the segment (queries = keys)
  uint n_head;
  uint row_stride;  // floats between consecutive rows of q, k and v
  uint q_off;
  uint k_off;
  uint v_off;
  uint o_off;
  float scale;
} p;

shared float qs[BR * HD];   // the tile's queries
shared float ps[WG_SIZE * BR];  // probabilities of the current keys, [key][row]

#define RED_N BR
#include "attn_reduce.glsl"
#include "workgroup.glsl"

void main() {
  const uint n_tiles = (p.n_rows + BR - 1u) / BR;
  const uint lin = linear_group();
  if (lin >= n_tiles * p.n_head) return;  // uniform across the workgroup
  const uint h = lin % p.n_head;
  const uint r0 = (lin / p.n_head) * BR;
  const uint tid = gl_LocalInvocationIndex;

  for (uint e = tid; e < BR * HD; e += WG_SIZE) {
    const uint r = r0 + e / HD;
    qs[e] = r < p.n_rows ? q[p.q_off + r * p.row_stride + h * HD + e % HD] : 0.0;
  }
  barrier();

  float m[BR], l[BR], alpha[BR];
  vec2 o[NE];
  for (uint r = 0; r < BR; ++r) {
    m[r] = NEG;
    l[r] = 0.0;
  }
  for (uint j = 0; j < NE; ++j) o[j] = vec2(0.0);

  for (uint kb = 0; kb < p.n_rows; kb += WG_SIZE) {
    const uint key = kb + tid;
    float s[BR];
    for (uint r = 0; r < BR; ++r) s[r] = NEG;
    if (key < p.n_rows) {
      float acc[BR];
      for (uint r = 0; r < BR; ++r) acc[r] = 0.0;
      const uint kbase = p.k_off + key * p.row_stride + h * HD;
      for (uint d = 0; d < HD; ++d) {
        const float kd = k[kbase + d];
        for (uint r = 0; r < BR; ++r) acc[r] = fma(qs[r * HD + d], kd, acc[r]);
      }
      for (uint r = 0; r < BR; ++r) s[r] = acc[r] * p.scale;
    }
    for (uint r = 0; r < BR; ++r) red_val[r] = s[r];
    red_max();
    for (uint r = 0; r < BR; ++r) {
      const float m_new = max(m[r], red_val[r]);
      alpha[r] = exp(m[r] - m_new);  // 0 on the first tile (m = NEG), else <= 1
      m[r] = m_new;
      const float pr = s[r] == NEG ? 0.0 : exp(s[r] - m_new);
      l[r] = l[r] * alpha[r] + pr;
      ps[tid * BR + r] = pr;
    }
    barrier();
    const uint n_valid = min(WG_SIZE, p.n_rows - kb);
    for (uint j = 0; j < NE; ++j) {
      const uint e = tid + j * WG_SIZE;
      if (e < BR * HD2) o[j] *= alpha[e / HD2];
    }
    for (uint kk = 0; kk < n_valid; ++kk) {
      const uint vbase = p.v_off + (kb + kk) * p.row_stride + h * HD;
      for (uint j = 0; j < NE; ++j) {
        const uint e = tid + j * WG_SIZE;
        if (e < BR * HD2) {
          const uint dp = e % HD2;
          const vec2 vv = vec2(v[vbase + 2u * dp], v[vbase + 2u * dp + 1u]);
          o[j] = fma(vec2(ps[kk * BR + e / HD2]), vv, o[j]);
        }
      }
    }
    // The next tile writes ps only after red_max()'s barrier, which every invocation reaches after its reads here.
  }

  for (uint r = 0; r < BR; ++r) red_val[r] = l[r];
  red_sum();
  for (uint j = 0; j < NE; ++j) {
    const uint e = tid + j * WG_SIZE;
    if (e >= BR * HD2) break;
    const uint r = e / HD2, dp = e % HD2;
    if (r0 + r >= p.n_rows) continue;
    const uint obase = p.o_off + ((r0 + r) * p.n_head + h) * HD + 2u * dp;
    const vec2 res = o[j] / red_val[r];  // l >= 1: the row maximum contributes exp(0)
    o_data[obase] = res.x;
    o_data[obase + 1u] = res.y;
  }
}
