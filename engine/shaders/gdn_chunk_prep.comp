#version 450
// gdn_chunk_prep.comp: the state-independent part of a chunk of the gated delta rule (see gdn_chunk.glsl), one
// workgroup per (chunk, v head), all chunks at once:
//   A[r][s] = beta_r (k_r . k_s) exp(gamma_r - gamma_s) for s < r        (Gram matrix from staged k tiles)
//   Tm = (I + A)^-1, unit lower triangular, by forward substitution: invocation x solves column x on its own
//   W = Tm diag(beta Gamma) K,  U = Tm diag(beta) V                      (written to the scratch buffers)
// A and Tm live in packed strictly-lower-triangular form: element (r, s), s < r, at r (r - 1) / 2 + s.

layout(constant_id = 0) const uint DK = 128;
layout(constant_id = 1) const uint DV = 128;
layout(constant_id = 2) const uint WG_SIZE = 256;  // must be 256: 16 x 16 Gram blocks, 8 rows x 32 columns outputs
layout(local_size_x_id = 2) in;

#include "gdn_chunk.glsl"

layout(binding = 2) readonly buffer BetaBuf { float beta[]; };  // [T, Hv]
layout(binding = 3) writeonly buffer WBuf { float w_out[]; };   // [Hv, scratch_rows, DK]
layout(binding = 4) writeonly buffer UBuf { float u_out[]; };   // [Hv, scratch_rows, DV]

const uint NTRI = CH * (CH - 1) / 2;

shared float sh_beta[CH];
shared float sh_bg[CH];  // beta_r Gamma_r
shared float sh_tile[CH * TS];
shared float sh_a[NTRI];
shared float sh_t[NTRI];

uint tri(uint r, uint s) { return r * (r - 1) / 2 + s; }

void main() {
  const uint tid = gl_LocalInvocationIndex;
  const uint wg = linear_group();
  const uint j = wg % p.n_v_heads;
  const uint n = wg / p.n_v_heads;
  const uint t0 = n * CH;
  const uint n_real = min(CH, p.n_tokens - t0);
  const uint kcol = p.k_offset + k_head(j) * DK;
  const uint vcol = p.v_offset + j * DV;

  if (tid < CH) sh_beta[tid] = tid < n_real ? beta[(t0 + tid) * p.n_v_heads + j] : 0.0;
  load_gamma(t0, n_real, j);  // its barriers also publish sh_beta
  if (tid < CH) sh_bg[tid] = sh_beta[tid] * exp(sh_gam[tid]);  // read after the Gram barriers

  // Gram matrix K K^T: invocation (bi, bj) owns the 4 x 4 block at rows 4 bi, columns 4 bj; blocks above the
  // diagonal are not needed.
  const uint bi = tid / 16, bj = tid % 16;
  const bool lower = bj <= bi;
  float acc[16];
  for (uint e = 0; e < 16; ++e) acc[e] = 0.0;
  for (uint d0 = 0; d0 < DK; d0 += TW) {
    barrier();
    STAGE_QKV(sh_tile, t0, n_real, kcol + d0)
    barrier();
    if (lower) GRAM_BLOCK(acc, sh_tile, sh_tile, 4 * bi, 4 * bj)
  }
  if (lower) {
    for (uint i = 0; i < 4; ++i) {
      for (uint jj = 0; jj < 4; ++jj) {
        const uint r = 4 * bi + i, s = 4 * bj + jj;
        if (s < r) sh_a[tri(r, s)] = sh_beta[r] * acc[i * 4 + jj] * exp(sh_gam[r] - sh_gam[s]);
      }
    }
  }
  barrier();

  // Forward substitution, column x of Tm: Tm[r][x] = -A[r][x] - sum_{x < s < r} A[r][s] Tm[s][x]. Column x only
  // reads its own earlier entries, so the columns need no barriers between them.
  if (tid < CH) {
    const uint x = tid;
    for (uint r = x + 1; r < CH; ++r) {
      float v = -sh_a[tri(r, x)];
      for (uint s = x + 1; s < r; ++s) v = fma(-sh_a[tri(r, s)], sh_t[tri(s, x)], v);
      sh_t[tri(r, x)] = v;
    }
  }

  // [W | U] = Tm [diag(beta Gamma) K | diag(beta) V], TW columns at a time; invocation (rg, cl) computes rows
  // rg + 8 m of column cl.
  const uint cl = tid % TW, rg = tid / TW;
  for (uint c0 = 0; c0 < DK + DV; c0 += TW) {
    const bool is_k = c0 < DK;
    barrier();  // Tm complete / the previous tile consumed
    STAGE_QKV(sh_tile, t0, n_real, is_k ? kcol + c0 : vcol + (c0 - DK))
    for (uint l = tid; l < CH * TW; l += WG_SIZE) {  // each invocation scales the entries it staged itself
      const uint r = l / TW;
      sh_tile[r * TS + l % TW] *= is_k ? sh_bg[r] : sh_beta[r];
    }
    barrier();
    float out_v[CH / 8];
    for (uint m = 0; m < CH / 8; ++m) out_v[m] = sh_tile[(rg + 8 * m) * TS + cl];  // Tm's unit diagonal
    for (uint x = 0; x + 1 < CH; ++x) {
      const float t = sh_tile[x * TS + cl];
      for (uint m = 0; m < CH / 8; ++m) {
        const uint r = rg + 8 * m;
        if (x < r) out_v[m] = fma(sh_t[tri(r, x)], t, out_v[m]);
      }
    }
    for (uint m = 0; m < CH / 8; ++m) {
      const uint row = j * p.scratch_rows + t0 + rg + 8 * m;
      if (is_k) w_out[row * DK + c0 + cl] = out_v[m];
      else u_out[row * DV + (c0 - DK) + cl] = out_v[m];
    }
  }
}
