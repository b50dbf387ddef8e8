#version 450
// gdn_chunk_state.comp: the sequential part of the chunked gated delta rule (see gdn_chunk.glsl). One workgroup
// per (v head j, block of BV value columns) walks the chunks in order with its DK x BV slice of the state in
// shared memory. Per chunk (gamma from g, Gamma = exp(gamma)):
//   Vn = U - W S                (overwrites U in the scratch buffer for gdn_chunk_out)
//   O  = diag(Gamma) Q S        (the inter-chunk part of the output; gdn_chunk_out adds the intra-chunk part)
//   S  = exp(gamma_C) S + Kd^T Vn,  Kd[r] = exp(gamma_C - gamma_r) k_r
// The work per chunk does not depend on how many chunks came before.

layout(constant_id = 0) const uint DK = 128;
layout(constant_id = 1) const uint DV = 128;
layout(constant_id = 2) const uint WG_SIZE = 256;
layout(constant_id = 3) const uint BV = 16;  // value columns per workgroup: 8, 16 or 32, dividing DV
layout(local_size_x_id = 2) in;

#include "gdn_chunk.glsl"

layout(binding = 2) readonly buffer WBuf { float w_in[]; };  // [Hv, scratch_rows, DK]
layout(binding = 3) buffer UBuf { float u_io[]; };           // [Hv, scratch_rows, DV]: U in, Vn out
layout(binding = 4) buffer StateBuf { float state[]; };      // [Hv, DK, DV]
layout(binding = 5) writeonly buffer OBuf { float o[]; };    // [T, o_stride]

const uint NR = WG_SIZE / BV;   // row groups
const uint RA = CH / NR;        // chunk rows per invocation in Vn / O
const uint RC = TW / NR;        // state rows per invocation per tile in the update

shared float sh_s[DK * BV];     // S[i][c] at i * BV + c
shared float sh_vn[CH * BV];    // Vn[r][c] at r * BV + c
shared float sh_wt[CH * TS];    // W tile, later Kd tile
shared float sh_qt[CH * TS];    // Q tile
shared float sh_kd[CH];         // exp(gamma_C - gamma_r)

void main() {
  const uint tid = gl_LocalInvocationIndex;
  const uint wg = linear_group();
  const uint j = wg / (DV / BV);
  const uint c0 = (wg % (DV / BV)) * BV;
  const uint cl = tid % BV, rg = tid / BV;
  const uint qcol = k_head(j) * DK;
  const uint kcol = p.k_offset + k_head(j) * DK;

  for (uint l = tid; l < DK * BV; l += WG_SIZE) sh_s[l] = state[j * DK * DV + (l / BV) * DV + c0 + l % BV];

  for (uint n = 0; n < p.n_chunks; ++n) {
    const uint t0 = n * CH;
    const uint n_real = min(CH, p.n_tokens - t0);
    const uint srow = j * p.scratch_rows + t0;
    barrier();  // the previous chunk's readers of sh_gam are done
    load_gamma(t0, n_real, j);  // also publishes sh_s (first chunk) and the previous chunk's update
    // Decay of row r's key to the chunk end; read after the tile barriers below.
    if (tid < CH) sh_kd[tid] = exp(sh_gam[CH - 1] - sh_gam[tid]);

    // Vn = U - W S and Q S for rows rg + NR m, column cl, DK in tiles of TW.
    float aw[RA], aq[RA];
    for (uint m = 0; m < RA; ++m) aw[m] = aq[m] = 0.0;
    for (uint i0 = 0; i0 < DK; i0 += TW) {
      barrier();
      for (uint l = tid; l < CH * TW; l += WG_SIZE) {
        const uint r = l / TW, d = l % TW;
        sh_wt[r * TS + d] = w_in[(srow + r) * DK + i0 + d];
      }
      STAGE_QKV(sh_qt, t0, n_real, qcol + i0)
      barrier();
      for (uint d = 0; d < TW; ++d) {
        const float s = sh_s[(i0 + d) * BV + cl];
        for (uint m = 0; m < RA; ++m) {
          const uint r = rg + NR * m;
          aw[m] = fma(sh_wt[r * TS + d], s, aw[m]);
          aq[m] = fma(sh_qt[r * TS + d], s, aq[m]);
        }
      }
    }
    for (uint m = 0; m < RA; ++m) {
      const uint r = rg + NR * m;
      const uint ui = (srow + r) * DV + c0 + cl;
      const float vn = u_io[ui] - aw[m];
      u_io[ui] = vn;
      sh_vn[r * BV + cl] = vn;
      if (r < n_real) o[(t0 + r) * p.o_stride + j * DV + c0 + cl] = exp(sh_gam[r]) * aq[m];
    }

    // S = exp(gamma_C) S + Kd^T Vn, DK in tiles of TW; invocation (rg, cl) updates rows i0 + rg + NR m.
    const float gam_c = sh_gam[CH - 1];
    for (uint i0 = 0; i0 < DK; i0 += TW) {
      barrier();  // sh_vn complete, and all reads of sh_s / the previous tile done
      STAGE_QKV(sh_wt, t0, n_real, kcol + i0)
      for (uint l = tid; l < CH * TW; l += WG_SIZE) {  // scale the entries this invocation staged
        const uint r = l / TW;
        sh_wt[r * TS + l % TW] *= sh_kd[r];
      }
      barrier();
      const float decay = exp(gam_c);
      for (uint m = 0; m < RC; ++m) {
        const uint d = rg + NR * m;
        float acc = 0.0;
        for (uint r = 0; r < CH; ++r) acc = fma(sh_wt[r * TS + d], sh_vn[r * BV + cl], acc);
        const uint si = (i0 + d) * BV + cl;
        sh_s[si] = fma(decay, sh_s[si], acc);
      }
    }
  }
  barrier();
  for (uint l = tid; l < DK * BV; l += WG_SIZE) state[j * DK * DV + (l / BV) * DV + c0 + l % BV] = sh_s[l];
}
