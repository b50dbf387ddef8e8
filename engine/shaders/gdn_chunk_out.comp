#version 450
// gdn_chunk_out.comp: the intra-chunk part of the chunked delta-rule output (see gdn_chunk.glsl), one workgroup per
// (chunk, v head), all chunks at once: O[r] += sum_{s <= r} P[r][s] Vn[s], P[r][s] = (q_r . k_s) exp(gamma_r -
// gamma_s). gdn_chunk_state already wrote diag(Gamma) Q S into O and Vn into the scratch buffer.

layout(constant_id = 0) const uint DK = 128;
layout(constant_id = 1) const uint DV = 128;
layout(constant_id = 2) const uint WG_SIZE = 256;  // must be 256: 16 x 16 blocks of P, 8 rows x 32 columns of O
layout(local_size_x_id = 2) in;

#include "gdn_chunk.glsl"

layout(binding = 2) readonly buffer VnBuf { float vn[]; };  // [Hv, scratch_rows, DV]
layout(binding = 3) buffer OBuf { float o[]; };             // [T, o_stride]

const uint NTRI = CH * (CH + 1) / 2;

shared float sh_qt[CH * TS];  // Q tile, later the Vn tile
shared float sh_kt[CH * TS];
shared float sh_p[NTRI];      // P[r][s], s <= r, at r (r + 1) / 2 + s

void main() {
  const uint tid = gl_LocalInvocationIndex;
  const uint wg = linear_group();
  const uint j = wg % p.n_v_heads;
  const uint n = wg / p.n_v_heads;
  const uint t0 = n * CH;
  const uint n_real = min(CH, p.n_tokens - t0);
  const uint qcol = k_head(j) * DK;
  const uint kcol = p.k_offset + k_head(j) * DK;

  load_gamma(t0, n_real, j);

  const uint bi = tid / 16, bj = tid % 16;
  const bool lower = bj <= bi;
  float acc[16];
  for (uint e = 0; e < 16; ++e) acc[e] = 0.0;
  for (uint d0 = 0; d0 < DK; d0 += TW) {
    barrier();
    STAGE_QKV(sh_qt, t0, n_real, qcol + d0)
    STAGE_QKV(sh_kt, t0, n_real, kcol + d0)
    barrier();
    if (lower) GRAM_BLOCK(acc, sh_qt, sh_kt, 4 * bi, 4 * bj)
  }
  if (lower) {
    for (uint i = 0; i < 4; ++i) {
      for (uint jj = 0; jj < 4; ++jj) {
        const uint r = 4 * bi + i, s = 4 * bj + jj;
        if (s <= r) sh_p[r * (r + 1) / 2 + s] = acc[i * 4 + jj] * exp(sh_gam[r] - sh_gam[s]);
      }
    }
  }

  const uint cl = tid % TW, rg = tid / TW;
  const uint srow = j * p.scratch_rows + t0;
  for (uint c0 = 0; c0 < DV; c0 += TW) {
    barrier();  // P complete / the previous tile consumed
    for (uint l = tid; l < CH * TW; l += WG_SIZE) {
      const uint r = l / TW, d = l % TW;
      sh_qt[r * TS + d] = vn[(srow + r) * DV + c0 + d];
    }
    barrier();
    float out_v[CH / 8];
    for (uint m = 0; m < CH / 8; ++m) out_v[m] = 0.0;
    for (uint s = 0; s < CH; ++s) {
      const float v = sh_qt[s * TS + cl];
      for (uint m = 0; m < CH / 8; ++m) {
        const uint r = rg + 8 * m;
        if (s <= r) out_v[m] = fma(sh_p[r * (r + 1) / 2 + s], v, out_v[m]);
      }
    }
    for (uint m = 0; m < CH / 8; ++m) {
      const uint r = rg + 8 * m;
      if (r < n_real) o[(t0 + r) * p.o_stride + j * DV + c0 + cl] += out_v[m];
    }
  }
}
