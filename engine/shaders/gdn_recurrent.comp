#version 450
// gdn_recurrent.comp: the gated delta rule token by token (qwen35.md §2.4.5), for decode (T = 1) and short batches.
// One workgroup per (v head j, block of BV value columns); invocation (row group rg, column c) keeps the DK / R
// state entries S[rg + R m][c] in registers for the whole batch, so the state is read and written once per dispatch.
// Per token, with S already decayed by alpha = exp(g):
//   m = S^T k, o1 = S^T q (partial sums over the invocation's rows, then summed over the R row groups in shared
//   memory), u = beta (v - m), S += k u^T, and o = (S + k u^T)^T q = o1 + u (k . q), so one reduction serves both.
// q, k, v are read straight from the conv-output rows (q/k of k head kh, v of head j). GPUs run BV = 32, R = 8;
// CPU devices BV = one subgroup, R = 1 (whole state columns per invocation, see ops/gdn_delta_rule.cpp) where
// gdn_recurrent_lanes.comp does not fit the shape.

layout(constant_id = 0) const uint DK = 128;      // key head dim, a multiple of R
layout(constant_id = 1) const uint DV = 128;      // value head dim, a multiple of BV
layout(constant_id = 2) const uint BV = 32;       // value columns per workgroup
layout(constant_id = 3) const uint R = 8;         // row groups
layout(constant_id = 4) const uint WG_SIZE = 256; // BV * R
layout(local_size_x_id = 4) in;

layout(binding = 0) readonly buffer QkvBuf { float qkv[]; };   // [T, row_stride]: q | k | v
layout(binding = 1) readonly buffer GBuf { float g[]; };       // [T, Hv] log decay
layout(binding = 2) readonly buffer BetaBuf { float beta[]; }; // [T, Hv]
layout(binding = 3) buffer StateBuf { float state[]; };        // [Hv, DK, DV]
layout(binding = 4) writeonly buffer OBuf { float o[]; };      // [T, o_stride]

layout(push_constant) uniform Push {
  uint n_tokens;
  uint row_stride;  // C = 2 Hk dk + Hv dv
  uint k_offset;    // Hk dk: first k column of a row
  uint v_offset;    // 2 Hk dk: first v column
  uint n_k_heads;
  uint n_v_heads;
  uint tiled;       // 1: v head j uses k head j % Hk (GGUF order); 0: j / (Hv / Hk) (HF order)
  uint o_stride;    // Hv dv
} p;

#include "workgroup.glsl"

const uint RPT = DK / R;  // state rows per invocation

shared float sh_q[DK];
shared float sh_k[DK];
shared float sh_m[R * BV];
shared float sh_o[R * BV];
shared float sh_kq[R];

void main() {
  const uint tid = gl_LocalInvocationIndex;
  const uint wg = linear_group();
  const uint j = wg / (DV / BV);
  const uint cl = tid % BV;
  const uint rg = tid / BV;
  const uint c = (wg % (DV / BV)) * BV + cl;
  const uint kh = p.tiled != 0 ? j % p.n_k_heads : j / (p.n_v_heads / p.n_k_heads);
  const uint s_base = j * DK * DV + c;

  float s[RPT];
  for (uint m = 0; m < RPT; ++m) s[m] = state[s_base + (rg + R * m) * DV];

  for (uint t = 0; t < p.n_tokens; ++t) {
    const uint row = t * p.row_stride;
    barrier();  // the previous token's readers of sh_* are done
    for (uint i = tid; i < DK; i += WG_SIZE) {
      sh_q[i] = qkv[row + kh * DK + i];
      sh_k[i] = qkv[row + p.k_offset + kh * DK + i];
    }
    barrier();
    const float alpha = exp(g[t * p.n_v_heads + j]);
    float pm = 0.0, po = 0.0, pkq = 0.0;
    for (uint m = 0; m < RPT; ++m) {
      const uint i = rg + R * m;
      const float si = s[m] * alpha;
      s[m] = si;
      pm = fma(si, sh_k[i], pm);
      po = fma(si, sh_q[i], po);
      pkq = fma(sh_k[i], sh_q[i], pkq);
    }
    sh_m[rg * BV + cl] = pm;
    sh_o[rg * BV + cl] = po;
    if (cl == 0) sh_kq[rg] = pkq;
    barrier();
    float mm = 0.0, o1 = 0.0, kq = 0.0;
    for (uint r = 0; r < R; ++r) {
      mm += sh_m[r * BV + cl];
      o1 += sh_o[r * BV + cl];
      kq += sh_kq[r];
    }
    const float u = beta[t * p.n_v_heads + j] * (qkv[row + p.v_offset + j * DV + c] - mm);
    if (rg == 0) o[t * p.o_stride + j * DV + c] = fma(u, kq, o1);
    for (uint m = 0; m < RPT; ++m) s[m] = fma(sh_k[rg + R * m], u, s[m]);
  }
  for (uint m = 0; m < RPT; ++m) state[s_base + (rg + R * m) * DV] = s[m];
}
